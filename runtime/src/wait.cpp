//===- wait.cpp - asyncio.wait's completion callback ----------------------===//
///
/// \file
/// The non-template part of cosm/wait.hpp: _wait's _on_completion.
///
//===----------------------------------------------------------------------===//
#include "cosm/wait.hpp"

namespace cosm::detail {

namespace {
// def _on_completion(f):
//     counter -= 1
//     if (counter <= 0 or return_when == FIRST_COMPLETED or
//         return_when == FIRST_EXCEPTION and (not f.cancelled() and
//                                             f.exception() is not None)):
//         if timeout_handle is not None: timeout_handle.cancel()
//         if not waiter.done(): waiter.set_result(None)
void onCompletion(void *Obj, FutureBase *F) {
  auto *S = static_cast<WaitState *>(Obj);
  --S->Counter;
  bool Release = S->Counter == 0 || S->When == ReturnWhen::FIRST_COMPLETED;
  if (!Release && S->When == ReturnWhen::FIRST_EXCEPTION && !F->cancelled())
    Release = F->exception() != nullptr;
  if (!Release)
    return;
  S->Timer.cancel();
  if (!S->Waiter->done())
    S->Waiter->setResult();
}
void releaseState(void *Obj) noexcept {
  static_cast<WaitState *>(Obj)->release();
}
std::string describeCompletion(const void *) {
  return "<Handle _wait.<locals>._on_completion()>";
}
const CallbackOps OnCompletionOps{&onCompletion, &releaseState,
                                  &describeCompletion};
} // namespace

WaitState::WaitState(Loop &L, std::size_t Counter, ReturnWhen When)
    : Waiter(new FutureImpl<void>(&L, {"wait", 0})), Counter(Counter),
      When(When) {}

void WaitState::watch(FutureBase &F) {
  retain();
  F.addDoneCallback(&OnCompletionOps, this);
}

void WaitState::stopWatching(const std::vector<FutureBase *> &Fs) noexcept {
  Timer.cancel();
  for (FutureBase *F : Fs)
    F->removeDoneCallback(&OnCompletionOps, this);
}

void checkWaitArgs(std::size_t N, ReturnWhen When) {
  if (N == 0)
    throw ValueError("Set of Tasks/Futures is empty.");
  if (When != ReturnWhen::FIRST_COMPLETED &&
      When != ReturnWhen::FIRST_EXCEPTION && When != ReturnWhen::ALL_COMPLETED)
    throw ValueError("Invalid return_when value: " +
                     std::to_string(static_cast<int>(When)));
}

} // namespace cosm::detail
