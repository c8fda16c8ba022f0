//===- cosm/lock.hpp - cosm::Lock ------------------------------*- C++ -*-===//
///
/// \file
/// asyncio.Lock: an uncontended acquire() returns at once (rule 12);
/// release() wakes the first waiter, and a newcomer cannot take the lock
/// while earlier waiters are queued, even between release() and the
/// waiter's wake-up.
///
//===----------------------------------------------------------------------===//
#ifndef COSM_LOCK_HPP
#define COSM_LOCK_HPP

#include "cosm/frame.hpp"
#include "cosm/future.hpp"
#include "cosm/loop_bound.hpp"
#include "cosm/waiters.hpp"

namespace cosm {
namespace detail {
struct LockState : RefCounted, LoopBound {
  WaiterQueue<bool> Waiters;
  bool Locked = false;
};
} // namespace detail

/// A shared handle to a lock (copies refer to the same lock).
class Lock {
public:
  Lock();

  bool locked() const noexcept { return S->Locked; }
  /// Takes the lock, waiting for it if needed; returns true.
  Coro<bool> acquire() const;
  /// Frees the lock and wakes the first waiter; RuntimeError if unlocked.
  void release() const;

private:
  detail::Ref<detail::LockState> S;
};

} // namespace cosm

#endif // COSM_LOCK_HPP
