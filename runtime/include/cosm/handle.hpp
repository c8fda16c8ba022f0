//===- cosm/handle.hpp - Callback handles ----------------------*- C++ -*-===//
///
/// \file
/// Handle and TimerHandle, what call_soon/call_later/call_at return
/// (asyncio.events.Handle/TimerHandle): a cancellable, scheduled callback.
///
//===----------------------------------------------------------------------===//
#ifndef COSM_HANDLE_HPP
#define COSM_HANDLE_HPP

#include "cosm/callback.hpp"
#include "cosm/ref.hpp"

#include <cstdint>
#include <string>
#include <utility>

namespace cosm {

class Loop;

namespace detail {

/// A scheduled callback. A timer is one with a deadline, in the heap while
/// `Scheduled`.
class HandleImpl : public RefCounted {
public:
  HandleImpl(Loop &L, SourceLoc Loc) noexcept : L(&L), Loc(Loc) {}

  /// Runs the callback (the loop skips cancelled handles).
  virtual void run() = 0;
  /// asyncio's repr(handle), for debug messages.
  virtual std::string describe() const;

  /// Ready-queue operations for a handle.
  static const CallbackOps Ops;

  Loop *L;
  SourceLoc Loc;
  double When = 0;       ///< deadline, for timers
  bool Cancelled = false;
  bool Scheduled = false; ///< in the loop's timer heap
  bool IsTimer = false;
};

/// An entry of the loop's timer heap: the deadline beside the handle, so
/// that sifting compares entries of the heap's own array instead of reading
/// a handle, somewhere on the heap, per level.
struct TimerEntry {
  double When;
  HandleImpl *H;
};

template <class F> class CallableHandle final : public HandleImpl {
public:
  CallableHandle(Loop &L, SourceLoc Loc, F Fn)
      : HandleImpl(L, Loc), Fn(std::move(Fn)) {}
  void run() override { Fn(); }

private:
  F Fn;
};

} // namespace detail

/// A callback scheduled with call_soon.
class Handle {
public:
  Handle() noexcept = default;
  explicit Handle(detail::HandleImpl *P) noexcept : Impl(P) {}

  /// Prevents the callback from running; no effect if it already ran.
  void cancel() const noexcept;
  bool cancelled() const noexcept { return Impl->Cancelled; }

  explicit operator bool() const noexcept { return bool(Impl); }
  detail::HandleImpl *impl() const noexcept { return Impl.get(); }

protected:
  detail::Ref<detail::HandleImpl> Impl;
};

/// A callback scheduled with call_later/call_at.
class TimerHandle : public Handle {
public:
  using Handle::Handle;
  /// The deadline, on the loop's clock (Loop::time()).
  double when() const noexcept { return Impl->When; }
};

} // namespace cosm

#endif // COSM_HANDLE_HPP
