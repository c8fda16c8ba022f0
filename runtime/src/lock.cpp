//===- lock.cpp - cosm::Lock ----------------------------------------------===//
///
/// \file
/// Lock.acquire as a hand-written frame (docs/frame-protocol.md).
///
//===----------------------------------------------------------------------===//
#include "cosm/lock.hpp"

#include "cosm/task.hpp"

namespace cosm {
namespace {

/// asyncio's _wake_up_first. A done first waiter is about to run: it takes
/// the lock, or, if it was cancelled meanwhile, wakes the next one itself.
void wakeUpFirst(detail::LockState &L) { L.Waiters.wakeFront(true); }

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
    if (!L->Locked && L->Waiters.allCancelled()) {
      L->Locked = true;
      return_value(true);
      return finish();
    }
    state = 1;
    return Fut.start(L->Waiters, L->boundLoop("Lock"), "Lock.acquire");
  resume_1:
    try {
      resume_point();
      Fut->result();
    } catch (const CancelledError &) {
      unwind();
      if (!L->Locked)
        wakeUpFirst(*L);
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
  void unwind() noexcept override { Fut.leave(); }

  const char *function_name() const noexcept override { return "Lock.acquire"; }

private:
  detail::Ref<detail::LockState> L;
  detail::WaiterSlot<bool> Fut;
};

} // namespace

Lock::Lock() : S(new detail::LockState) {}

Coro<bool> Lock::acquire() const {
  return Coro<bool>::make_awaited<LockAcquireFrame>(S);
}

void Lock::release() const {
  if (!S->Locked)
    throw RuntimeError("Lock is not acquired.");
  S->Locked = false;
  wakeUpFirst(*S);
}

} // namespace cosm
