//===- gather.cpp - The gathering future ----------------------------------===//
///
/// \file
/// The untyped part of asyncio's _GatheringFuture and of gather()'s
/// _done_callback.
///
//===----------------------------------------------------------------------===//
#include "cosm/gather.hpp"

#include "debug.hpp"

#include <algorithm>

namespace cosm::detail {

std::string createdAtText(SourceLoc Loc) { return createdAt(Loc); }

bool GatherChildren::add(FutureBase &Child) {
  // A future given twice is waited on once (asyncio's arg_to_fut).
  bool Seen =
      std::any_of(Children.begin(), Children.end(),
                  [&](const Ref<FutureBase> &C) { return C.get() == &Child; });
  Children.emplace_back(&Child);
  if (Seen)
    return false;
  ++NFuts;
  return true;
}

bool GatherChildren::cancel(const std::string &Msg) {
  bool Any = false;
  for (const Ref<FutureBase> &Child : Children)
    if (Child->cancel(Msg))
      Any = true;
  // Propagated whatever return_exceptions says (bpo-32684).
  if (Any)
    CancelRequested = true;
  return Any;
}

bool GatherChildren::childDone(FutureBase &Outer, FutureBase &Child) {
  ++NFinished;
  if (Outer.done()) {
    // Already failed: mark the late child's exception retrieved.
    if (!Child.cancelled())
      Child.exception();
    return false;
  }
  if (!ReturnExceptions) {
    if (Child.cancelled()) {
      Outer.setException(Child.makeCancelledError());
      return false;
    }
    if (std::exception_ptr E = Child.exception()) {
      Outer.setException(std::move(E));
      return false;
    }
  }
  if (NFinished != NFuts)
    return false;
  // Building the result list reads every exception (marks it retrieved).
  if (ReturnExceptions)
    for (const Ref<FutureBase> &C : Children)
      if (!C->cancelled())
        C->markRetrieved();
  if (CancelRequested) {
    // `exc = fut._make_cancelled_error()`, where the results loop above it
    // has left `fut` bound to the last element of `children` (the last
    // argument's future, repeated or not).
    Outer.setException(Children.back()->makeCancelledError());
    return false;
  }
  return true;
}

} // namespace cosm::detail
