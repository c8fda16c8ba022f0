//===- lock.cpp - cosm::Lock ----------------------------------------------===//
///
/// \file
/// Lock.acquire as a hand-written frame (docs/frame-protocol.md).
///
//===----------------------------------------------------------------------===//
#include "cosm/lock.hpp"

#include "cosm/task.hpp"

#include <algorithm>

namespace cosm {
namespace detail {

void LockState::wakeUpFirst() {
  // A done first waiter is about to run: it takes the lock, or, if it was
  // cancelled meanwhile, wakes the next one itself.
  if (!Waiters.empty() && !Waiters.front()->done())
    Waiters.front()->setResult(true);
}

} // namespace detail

namespace {

// async def acquire(self):
//     if not self._locked and all(w.cancelled() for w in self._waiters):
//         self._locked = True; return True
//     fut = ...; self._waiters.append(fut)
//     try:
//         try: await fut
//         finally: self._waiters.remove(fut)
//     except CancelledError:
//         if not self._locked: self._wake_up_first()
//         raise
//     self._locked = True; return True
class LockAcquireFrame final : public Frame<bool> {
public:
  explicit LockAcquireFrame(detail::Ref<detail::LockState> L)
      : L(std::move(L)) {}
  ~LockAcquireFrame() override { unwind(); }

  Step resume() override {
    switch (state) {
    case 1:
      goto resume_1;
    default:
      break;
    }
    if (!L->Locked &&
        std::all_of(L->Waiters.begin(), L->Waiters.end(),
                    [](const auto &W) { return W->cancelled(); })) {
      L->Locked = true;
      return_value(true);
      return finish();
    }
    Fut = new detail::FutureImpl<bool>(&L->boundLoop("Lock"),
                                       {"Lock.acquire", 0});
    L->Waiters.push_back(Fut);
    state = 1;
    return detail::suspendOn(*Fut);
  resume_1:
    try {
      resume_point();
      Fut->result();
    } catch (const CancelledError &) {
      unwind();
      if (!L->Locked)
        L->wakeUpFirst();
      throw;
    } catch (...) {
      unwind();
      throw;
    }
    unwind();
    L->Locked = true;
    return_value(true);
    return finish();
  }

  /// The inner `finally`.
  void unwind() noexcept override {
    if (Fut)
      detail::removeFirst(L->Waiters, Fut.get());
    Fut.reset();
  }

  const char *function_name() const noexcept override { return "Lock.acquire"; }

private:
  detail::Ref<detail::LockState> L;
  detail::Ref<detail::FutureImpl<bool>> Fut;
};

} // namespace

Lock::Lock() : S(new detail::LockState) {}

Coro<bool> Lock::acquire() const {
  return Coro<bool>::make<LockAcquireFrame>(S);
}

void Lock::release() const {
  if (!S->Locked)
    throw RuntimeError("Lock is not acquired.");
  S->Locked = false;
  S->wakeUpFirst();
}

} // namespace cosm
