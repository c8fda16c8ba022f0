//===- cosm/barrier.hpp - cosm::Barrier ------------------------*- C++ -*-===//
///
/// \file
/// asyncio.Barrier (3.11): parties tasks meet at wait(); the last to arrive
/// releases them all, and each gets its own index (0 .. parties-1, in
/// arrival order). Built, as asyncio's, on a Condition, so tasks resume in
/// the same passes and order. reset() and abort() are coroutines because
/// they take the condition's lock, as asyncio's do.
///
/// asyncio's `async with barrier:` is `cosm::await(barrier.wait())`.
///
//===----------------------------------------------------------------------===//
#ifndef COSM_BARRIER_HPP
#define COSM_BARRIER_HPP

#include "cosm/condition.hpp"
#include "cosm/frame.hpp"
#include "cosm/ref.hpp"

#include <string>

namespace cosm {
namespace detail {
struct BarrierState : RefCounted {
  enum class St : unsigned char { Filling, Draining, Resetting, Broken };
  explicit BarrierState(int Parties) : Parties(Parties) {}
  Condition Cond;
  int Parties;
  St State = St::Filling;
  int Count = 0;
  /// _exit(): the last task out ends draining or resetting.
  void exit();
};
} // namespace detail

/// A shared handle to a barrier (copies refer to the same barrier).
class Barrier {
public:
  /// ValueError if Parties < 1.
  explicit Barrier(int Parties);

  /// Waits until Parties tasks wait, then returns this task's index.
  /// BrokenBarrierError if the barrier is or becomes broken, or is reset
  /// while this task waits.
  Coro<int> wait() const;
  /// Back to the empty state; waiting tasks get BrokenBarrierError.
  Coro<void> reset() const;
  /// Breaks the barrier: every waiting and later wait() raises
  /// BrokenBarrierError.
  Coro<void> abort() const;

  int parties() const noexcept { return S->Parties; }
  /// The tasks waiting while it fills (0 while draining).
  int n_waiting() const noexcept {
    return S->State == detail::BarrierState::St::Filling ? S->Count : 0;
  }
  bool broken() const noexcept {
    return S->State == detail::BarrierState::St::Broken;
  }
  /// The bracketed part of asyncio's repr(): "filling, waiters:1/3",
  /// "broken".
  std::string state_text() const;

private:
  detail::Ref<detail::BarrierState> S;
};

} // namespace cosm

#endif // COSM_BARRIER_HPP
