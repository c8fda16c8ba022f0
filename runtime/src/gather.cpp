//===- gather.cpp - The gathering future ----------------------------------===//
///
/// \file
/// asyncio's _GatheringFuture and gather()'s _done_callback.
///
//===----------------------------------------------------------------------===//
#include "cosm/gather.hpp"

#include "debug.hpp"

#include <algorithm>

namespace cosm::detail {

void GatheringFuture::releaseSelf(void *Obj) noexcept {
  static_cast<GatheringFuture *>(Obj)->release();
}
std::string GatheringFuture::describeSelf(const void *Obj) {
  return static_cast<const GatheringFuture *>(Obj)->describe();
}
const CallbackOps GatheringFuture::ChildDoneOps{&GatheringFuture::childDone,
                                                &GatheringFuture::releaseSelf,
                                                &GatheringFuture::describeSelf};

std::string GatheringFuture::describe() const {
  return "<_GatheringFuture " + std::string(stateName()) +
         " children=" + std::to_string(Children.size()) +
         detail::createdAt(Loc) + ">";
}

void GatheringFuture::addChild(FutureBase &Child) {
  // A future given twice is waited on once (asyncio's arg_to_fut).
  bool Seen =
      std::any_of(Children.begin(), Children.end(),
                  [&](const Ref<FutureBase> &C) { return C.get() == &Child; });
  Children.emplace_back(&Child);
  if (Seen)
    return;
  ++NFuts;
  retain();
  Child.addDoneCallback(&ChildDoneOps, this);
}

void GatheringFuture::sealed() {
  if (NFuts == 0)
    finishWithValue();
}

bool GatheringFuture::cancelWith(std::string Msg) {
  if (done())
    return false;
  bool Any = false;
  for (const Ref<FutureBase> &Child : Children)
    if (Child->cancel(Msg))
      Any = true;
  if (Any)
    CancelRequested = true;
  return Any;
}

void GatheringFuture::childDone(void *Obj, FutureBase *Child) {
  auto *Outer = static_cast<GatheringFuture *>(Obj);
  ++Outer->NFinished;
  if (Outer->done()) {
    // Already failed: mark the late child's exception retrieved.
    if (!Child->cancelled())
      Child->exception();
    return;
  }
  if (!Outer->ReturnExceptions) {
    if (Child->cancelled()) {
      Outer->setException(Child->makeCancelledError());
      return;
    }
    if (std::exception_ptr E = Child->exception()) {
      Outer->setException(std::move(E));
      return;
    }
  }
  if (Outer->NFinished != Outer->NFuts)
    return;
  if (Outer->CancelRequested) {
    // `exc = fut._make_cancelled_error()`, where the results loop above it
    // has left `fut` bound to the last distinct child (arg_to_fut's last).
    const auto &Kids = Outer->Children;
    FutureBase *Last = nullptr;
    for (auto It = Kids.begin(); It != Kids.end(); ++It)
      if (std::none_of(Kids.begin(), It, [&](const Ref<FutureBase> &Seen) {
            return Seen.get() == It->get();
          }))
        Last = It->get();
    Outer->setException(Last->makeCancelledError());
    return;
  }
  if (Outer->ReturnExceptions)
    for (const Ref<FutureBase> &C : Outer->Children)
      if (!C->cancelled())
        C->markRetrieved();
  Outer->finishWithValue();
}

} // namespace cosm::detail
