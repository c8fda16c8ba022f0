//===- cosm/semaphore.hpp - Semaphore and BoundedSemaphore -----*- C++ -*-===//
///
/// \file
/// asyncio.Semaphore and asyncio.BoundedSemaphore (3.11.7): acquire() while
/// the counter is positive and nobody waits returns at once (rule 12);
/// release() wakes the first waiter that is not done, and the counter it
/// frees is reserved for that waiter, so a newcomer cannot barge past it.
///
//===----------------------------------------------------------------------===//
#ifndef COSM_SEMAPHORE_HPP
#define COSM_SEMAPHORE_HPP

#include "cosm/frame.hpp"
#include "cosm/future.hpp"
#include "cosm/loop_bound.hpp"
#include "cosm/waiters.hpp"

namespace cosm {
namespace detail {
struct SemaphoreState : RefCounted, LoopBound {
  SemaphoreState(int Value, int Bound) : Value(Value), Bound(Bound) {}
  /// asyncio's locked(): no free unit, or a live waiter ahead.
  bool locked() const noexcept;
  /// asyncio's _wake_up_next: the first waiter not done gets a unit.
  void wakeUpNext();
  WaiterQueue<bool> Waiters;
  int Value;
  int Bound; ///< the initial value for a BoundedSemaphore, else -1
};
} // namespace detail

/// A shared handle to a semaphore (copies refer to the same semaphore).
class Semaphore {
public:
  /// A semaphore with one unit (asyncio's default).
  Semaphore() : Semaphore(1) {}
  /// ValueError if Value < 0.
  explicit Semaphore(int Value);

  /// True if acquire() would have to wait.
  bool locked() const noexcept { return S->locked(); }
  /// The free units (asyncio's _value, for tests and debugging).
  int value() const noexcept { return S->Value; }
  /// Takes a unit, waiting for one if needed; returns true.
  Coro<bool> acquire() const;
  /// Returns a unit and wakes the first waiter. (BoundedSemaphore: ValueError
  /// past the initial value.)
  void release() const;

protected:
  Semaphore(int Value, int Bound);
  detail::Ref<detail::SemaphoreState> S;
};

/// A semaphore whose release() refuses to go past the initial value.
class BoundedSemaphore : public Semaphore {
public:
  BoundedSemaphore() : BoundedSemaphore(1) {}
  explicit BoundedSemaphore(int Value) : Semaphore(Value, Value) {}
};

} // namespace cosm

#endif // COSM_SEMAPHORE_HPP
