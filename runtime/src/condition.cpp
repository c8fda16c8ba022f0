//===- condition.cpp - cosm::Condition ------------------------------------===//
///
/// \file
/// Condition.wait as a hand-written frame (docs/frame-protocol.md).
///
//===----------------------------------------------------------------------===//
#include "cosm/condition.hpp"

#include "cosm/errors.hpp"

#include <exception>

namespace cosm {
namespace {

// async def wait(self):
//     if not self.locked(): raise RuntimeError('cannot wait on un-acquired
//     lock') self.release() try:
//         fut = ...; self._waiters.append(fut)
//         try: await fut; return True
//         finally: self._waiters.remove(fut)
//     finally:
//         cancelled = False
//         while True:
//             try: await self.acquire(); break
//             except CancelledError: cancelled = True
//         if cancelled: raise CancelledError
class ConditionWaitFrame final : public Frame<bool> {
public:
  explicit ConditionWaitFrame(detail::Ref<detail::ConditionState> C)
      : C(std::move(C)) {}
  ~ConditionWaitFrame() override { unwind(); }

  Step resume() override {
    switch (state) {
    case 1:
      goto resume_1;
    case 2:
      goto resume_2;
    default:
      break;
    }
    if (!C->L.locked())
      throw RuntimeError("cannot wait on un-acquired lock");
    C->L.release();
    state = 1;
    return Fut.start(C->Waiters, C->boundLoop("Condition"), "Condition.wait");
  resume_1:
    try {
      resume_point();
      Fut->result();
    } catch (...) {
      Pending = std::current_exception();
    }
    removeWaiter();
    // The outer `finally`: take the lock back, whatever happened.
    for (;;) {
      Acquire = C->L.acquire();
    resume_2:
      if (Acquire.step() == Step::Suspended) {
        state = 2;
        return Step::Suspended;
      }
      try {
        Acquire.take_result();
        break;
      } catch (const CancelledError &) {
        Cancelled = true;
      }
    }
    if (Cancelled)
      throw CancelledError();
    if (Pending)
      std::rethrow_exception(std::exchange(Pending, nullptr));
    return_value(true);
    return finish();
  }

  void unwind() noexcept override {
    removeWaiter();
    Acquire = {};
    Pending = nullptr;
  }

  const char *function_name() const noexcept override {
    return "Condition.wait";
  }

private:
  void removeWaiter() noexcept { Fut.leave(); }

  detail::Ref<detail::ConditionState> C;
  detail::WaiterSlot<bool> Fut;
  Coro<bool> Acquire;
  std::exception_ptr Pending;
  bool Cancelled = false;
};

} // namespace

namespace detail {
Coro<bool> conditionWait(const Ref<ConditionState> &C) {
  return Coro<bool>::make_awaited<ConditionWaitFrame>(C);
}
} // namespace detail

Condition::Condition(Lock L) : S(new detail::ConditionState(std::move(L))) {}

void Condition::notify(std::size_t N) const {
  if (!S->L.locked())
    throw RuntimeError("cannot notify on un-acquired lock");
  S->Waiters.wakeUpTo(N, false);
}

} // namespace cosm
