//===- semaphore.cpp - cosm::Semaphore ------------------------------------===//
///
/// \file
/// Semaphore.acquire as a hand-written frame (docs/frame-protocol.md),
/// following asyncio 3.11.7's locks.py line for line.
///
//===----------------------------------------------------------------------===//
#include "cosm/semaphore.hpp"

#include "cosm/errors.hpp"
#include "cosm/task.hpp"

namespace cosm {
namespace detail {

bool SemaphoreState::locked() const noexcept {
  return Value == 0 || !Waiters.allCancelled();
}

void SemaphoreState::wakeUpNext() {
  if (FutureImpl<bool> *W = Waiters.firstPending()) {
    --Value;
    W->setResult(true);
  }
}

} // namespace detail

namespace {

// async def acquire(self):
//     if not self.locked(): self._value -= 1; return True
//     fut = ...; self._waiters.append(fut)
//     try:
//         try: await fut
//         finally: self._waiters.remove(fut)
//     except CancelledError:
//         if not fut.cancelled(): self._value += 1; self._wake_up_next()
//         raise
//     if self._value > 0: self._wake_up_next()
//     return True
class SemaphoreAcquireFrame final : public Frame<bool> {
public:
  explicit SemaphoreAcquireFrame(detail::Ref<detail::SemaphoreState> S)
      : S(std::move(S)) {}
  ~SemaphoreAcquireFrame() override { unwind(); }

  Step resume() override {
    switch (state) {
    case 1:
      goto resume_1;
    default:
      break;
    }
    if (!S->locked()) {
      --S->Value;
      return_value(true);
      return finish();
    }
    state = 1;
    return Fut.start(S->Waiters, S->boundLoop("Semaphore"),
                     "Semaphore.acquire");
  resume_1:
    try {
      resume_point();
      Fut->result();
    } catch (const CancelledError &) {
      detail::Ref<detail::FutureImpl<bool>> F(Fut.get());
      unwind();
      if (!F->cancelled()) {
        // Woken (a unit was reserved for us) but cancelled before running.
        ++S->Value;
        S->wakeUpNext();
      }
      throw;
    } catch (...) {
      unwind();
      throw;
    }
    unwind();
    if (S->Value > 0)
      S->wakeUpNext();
    return_value(true);
    return finish();
  }

  /// The inner `finally`.
  void unwind() noexcept override { Fut.leave(); }

  const char *function_name() const noexcept override {
    return "Semaphore.acquire";
  }

private:
  detail::Ref<detail::SemaphoreState> S;
  detail::WaiterSlot<bool> Fut;
};

} // namespace

Semaphore::Semaphore(int Value) : Semaphore(Value, -1) {}

Semaphore::Semaphore(int Value, int Bound) {
  if (Value < 0)
    throw ValueError("Semaphore initial value must be >= 0");
  S = new detail::SemaphoreState(Value, Bound);
}

Coro<bool> Semaphore::acquire() const {
  return Coro<bool>::make_awaited<SemaphoreAcquireFrame>(S);
}

void Semaphore::release() const {
  if (S->Bound >= 0 && S->Value >= S->Bound)
    throw ValueError("BoundedSemaphore released too many times");
  ++S->Value;
  S->wakeUpNext();
}

} // namespace cosm
