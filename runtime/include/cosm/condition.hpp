//===- cosm/condition.hpp - cosm::Condition --------------------*- C++ -*-===//
///
/// \file
/// asyncio.Condition (3.11.7). wait() must be called with the lock held: it
/// releases the lock, waits for notify()/notify_all() (waiters are woken in
/// the order they started waiting), then takes the lock again before
/// returning, even when cancelled (the cancellation is raised once the lock
/// is held again). wait_for(pred) loops on wait() until pred() is true and
/// costs no pass if it already is.
///
/// asyncio's `async with cond:` is `cosm::await(cond.acquire()); ...
/// cond.release();` (a C++ program uses try/catch or an RAII guard for the
/// release).
///
//===----------------------------------------------------------------------===//
#ifndef COSM_CONDITION_HPP
#define COSM_CONDITION_HPP

#include "cosm/frame.hpp"
#include "cosm/future.hpp"
#include "cosm/lock.hpp"
#include "cosm/loop_bound.hpp"
#include "cosm/task.hpp"
#include "cosm/waiters.hpp"

#include <cstddef>
#include <type_traits>
#include <utility>

namespace cosm {
namespace detail {
struct ConditionState : RefCounted, LoopBound {
  explicit ConditionState(Lock L) : L(std::move(L)) {}
  Lock L;
  WaiterQueue<bool> Waiters;
};

/// async def wait_for(self, predicate):
///     result = predicate()
///     while not result: await self.wait(); result = predicate()
///     return result
template <class R, class P> class ConditionWaitForFrame final : public Frame<R> {
public:
  ConditionWaitForFrame(Coro<bool> (*Wait)(const Ref<ConditionState> &),
                        Ref<ConditionState> C, P Pred)
      : Wait(Wait), C(std::move(C)), Pred(std::move(Pred)) {}
  ~ConditionWaitForFrame() override { unwind(); }

  Step resume() override {
    switch (this->state) {
    case 1:
      goto resume_1;
    default:
      break;
    }
    Result.emplace(Pred());
    while (!*Result) {
      child_1 = Wait(C);
    resume_1:
      if (child_1.step() == Step::Suspended) {
        this->state = 1;
        return Step::Suspended;
      }
      child_1.take_result();
      Result.emplace(Pred());
    }
    this->return_value(std::move(*Result));
    return this->finish();
  }
  void unwind() noexcept override { child_1 = {}; }
  const char *function_name() const noexcept override {
    return "Condition.wait_for";
  }

private:
  Coro<bool> (*Wait)(const Ref<ConditionState> &);
  Ref<ConditionState> C;
  P Pred;
  std::optional<R> Result;
  Coro<bool> child_1;
};

Coro<bool> conditionWait(const Ref<ConditionState> &C);
} // namespace detail

/// A shared handle to a condition variable (copies refer to the same one).
class Condition {
public:
  /// A condition with a new lock of its own.
  Condition() : Condition(Lock()) {}
  /// A condition that uses (and shares) the given lock.
  explicit Condition(Lock L);

  /// The underlying lock's locked(), acquire() and release().
  bool locked() const noexcept { return S->L.locked(); }
  Coro<bool> acquire() const { return S->L.acquire(); }
  void release() const { S->L.release(); }
  /// The underlying lock.
  const Lock &lock() const noexcept { return S->L; }

  /// Releases the lock, waits to be notified, takes the lock again; returns
  /// true. RuntimeError if the lock is not held.
  Coro<bool> wait() const { return detail::conditionWait(S); }
  /// Waits until Pred() is true and returns its last value.
  template <class P> auto wait_for(P Pred) const {
    using R = std::decay_t<std::invoke_result_t<P &>>;
    return Coro<R>::template make_awaited<detail::ConditionWaitForFrame<R, P>>(
        &detail::conditionWait, S, std::move(Pred));
  }
  /// Wakes up to N waiters that are not woken yet. RuntimeError if the lock
  /// is not held.
  void notify(std::size_t N = 1) const;
  /// Wakes every waiter.
  void notify_all() const { notify(S->Waiters.size()); }

private:
  detail::Ref<detail::ConditionState> S;
};

} // namespace cosm

#endif // COSM_CONDITION_HPP
