//===- cosm/timeouts.hpp - wait_for, timeout, shield -----------*- C++ -*-===//
///
/// \file
/// Timeouts and shielding, as CPython 3.11's tasks.py and timeouts.py:
///
/// - `wait_for(x, seconds)` is `asyncio.wait_for(x, seconds)`: a coroutine
///   argument is wrapped in a task when the wait_for coroutine starts; on
///   timeout the inner task (or future) is cancelled and waited for, then
///   TimeoutError is raised (the inner result is returned instead if the
///   inner task swallowed its cancellation). Cancelling the waiting task
///   cancels the inner one too, and waits for it.
/// - `timeout(seconds, coro)` is `async with asyncio.timeout(seconds):
///   return await coro` (C++ has no `async with`: the block is a coroutine
///   awaited inline, in the current task, with no new task). When the
///   deadline passes the current task is cancelled; the CancelledError that
///   leaves `coro` becomes TimeoutError unless someone else cancelled the
///   task too (Task.uncancel() bookkeeping, as 3.11). `timeout_at(when,
///   coro)` takes a deadline on Loop::time()'s clock. `timeout(seconds)`
///   and `timeout_at(when)` alone return the cosm::Timeout object (asyncio's
///   `async with asyncio.timeout(s) as cm`), whose async_with(coro) enters
///   it and whose when(), reschedule() and expired() work as asyncio's.
/// - `shield(x)` is `asyncio.shield(x)`: a Future that follows x but whose
///   cancellation does not cancel x.
///
//===----------------------------------------------------------------------===//
#ifndef COSM_TIMEOUTS_HPP
#define COSM_TIMEOUTS_HPP

#include "cosm/errors.hpp"
#include "cosm/frame.hpp"
#include "cosm/future.hpp"
#include "cosm/handle.hpp"
#include "cosm/loop.hpp"
#include "cosm/task.hpp"

#include <exception>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>

namespace cosm {
template <class R> class GatherFuture;

namespace detail {

/// A done callback that completes a waiter future unless it is done
/// (asyncio's _release_waiter). Obj is the waiter, retained.
extern const CallbackOps ReleaseWaiterOps;
/// Registers ReleaseWaiterOps(W) as a done callback of Fut.
void addReleaseWaiter(FutureBase &Fut, FutureImpl<void> &W);
/// Removes it again (no effect if it already ran).
void removeReleaseWaiter(FutureBase &Fut, FutureImpl<void> &W) noexcept;
/// A timer that releases W after Delay seconds.
TimerHandle releaseLater(Loop &L, double Delay, FutureImpl<void> &W);

/// How wait_for, shield and TaskGroup see their argument: always a task or a
/// future (asyncio's ensure_future). Owned: a task made here from a Coro.
template <class A> struct EnsureFuture {};
template <class T> struct EnsureFuture<Coro<T>> {
  using Value = T;
  using Handle = Task<T>;
  static constexpr bool Owned = true;
  static Task<T> make(Loop &L, Coro<T> &C, SourceLoc Loc) {
    return makeTask(L, std::move(C), {}, Loc);
  }
};
template <class T> struct EnsureFuture<Task<T>> {
  using Value = T;
  using Handle = Task<T>;
  static constexpr bool Owned = false;
  static Task<T> make(Loop &, Task<T> &Tk, SourceLoc) { return Tk; }
};
template <class T> struct EnsureFuture<Future<T>> {
  using Value = T;
  using Handle = Future<T>;
  static constexpr bool Owned = false;
  static Future<T> make(Loop &, Future<T> &F, SourceLoc) { return F; }
};
/// gather()'s future is a future (wait_for(gather(...)), shield(gather(...))).
template <class T>
struct EnsureFuture<GatherFuture<T>> : EnsureFuture<Future<T>> {};

/// The result of a done task or future: moved out of a task only wait_for
/// knows about, copied otherwise.
template <class T, bool Owned, class H> T resultOf(const H &Handle) {
  if constexpr (std::is_void_v<T>) {
    Handle.result();
  } else if constexpr (Owned) {
    return Handle.impl()->takeResult();
  } else {
    return T(Handle.result());
  }
}

/// asyncio.wait_for (3.11), with _cancel_and_wait inlined (it is awaited
/// as a coroutine, so it costs no pass of its own).
template <class A>
class WaitForFrame final : public Frame<typename EnsureFuture<A>::Value> {
  using E = EnsureFuture<A>;
  using T = typename E::Value;

public:
  WaitForFrame(A Arg, double Timeout, SourceLoc Loc)
      : Arg(std::move(Arg)), Timeout(Timeout), Loc(Loc) {}
  ~WaitForFrame() override { unwind(); }

  Step resume() override {
    switch (this->state) {
    case 1:
      goto resume_1;
    case 2:
      goto resume_2;
    default:
      break;
    }
    {
      Loop &L = get_running_loop();
      if (Timeout <= 0) {
        Fut = E::make(L, Arg, Loc);
        if (Fut.done())
          return done();
        awaitedByCaller();
        After = AfterTimeout;
        goto cancel_and_wait;
      }
      Waiter = new FutureImpl<void>(&L, {"wait_for", 0});
      Timer = releaseLater(L, Timeout, *Waiter);
      Fut = E::make(L, Arg, Loc);
      awaitedByCaller();
      addReleaseWaiter(*Fut.impl(), *Waiter);
      this->state = 1;
      return suspendOn(*Waiter);
    }
  resume_1:
    try {
      resume_point();
      Waiter->result();
    } catch (const CancelledError &) {
      if (Fut.done()) {
        Timer.cancel();
        return done();
      }
      removeReleaseWaiter(*Fut.impl(), *Waiter);
      Cancelled = std::current_exception();
      After = AfterCancel;
      goto cancel_and_wait;
    } catch (...) {
      Timer.cancel();
      throw;
    }
    if (Fut.done()) {
      Timer.cancel();
      return done();
    }
    removeReleaseWaiter(*Fut.impl(), *Waiter);
    After = AfterTimeout;

  cancel_and_wait:
    // async def _cancel_and_wait(fut):
    //     waiter = create_future(); fut.add_done_callback(release(waiter))
    //     try: fut.cancel(); await waiter
    //     finally: fut.remove_done_callback(release(waiter))
    Waiter2 = new FutureImpl<void>(&get_running_loop(), {"wait_for", 0});
    addReleaseWaiter(*Fut.impl(), *Waiter2);
    Fut.cancel();
    this->state = 2;
    return suspendOn(*Waiter2);
  resume_2:
    try {
      resume_point();
      Waiter2->result();
    } catch (...) {
      removeReleaseWaiter(*Fut.impl(), *Waiter2);
      Timer.cancel();
      throw;
    }
    removeReleaseWaiter(*Fut.impl(), *Waiter2);
    Timer.cancel();
    if (After == AfterCancel)
      std::rethrow_exception(std::exchange(Cancelled, nullptr));
    try {
      return done();
    } catch (const CancelledError &) {
      throw TimeoutError("");
    }
  }

  void unwind() noexcept override {
    Timer.cancel();
    if (Fut.impl() && Waiter)
      removeReleaseWaiter(*Fut.impl(), *Waiter);
    if (Fut.impl() && Waiter2)
      removeReleaseWaiter(*Fut.impl(), *Waiter2);
    Cancelled = nullptr;
  }

  const char *function_name() const noexcept override { return "wait_for"; }

private:
  /// The task running wait_for waits for Fut (asyncio 3.12+ awaits it
  /// directly), for capture_call_graph().
  void awaitedByCaller() {
    if (TaskBase *Caller = currentTaskOrNull())
      Fut.impl()->addAwaiter(*Caller);
  }
  Step done() {
    if constexpr (std::is_void_v<T>)
      resultOf<T, E::Owned>(Fut);
    else
      this->return_value(resultOf<T, E::Owned>(Fut));
    return this->finish();
  }

  enum { AfterTimeout, AfterCancel } After = AfterTimeout;
  A Arg;
  double Timeout;
  SourceLoc Loc;
  typename E::Handle Fut;
  Ref<FutureImpl<void>> Waiter, Waiter2;
  TimerHandle Timer;
  std::exception_ptr Cancelled;
};

/// `await fut` on a task or future: wait_for with no timeout.
template <class H>
class AwaitFrame final : public Frame<typename EnsureFuture<H>::Value> {
  using T = typename EnsureFuture<H>::Value;

public:
  explicit AwaitFrame(H Fut) : Fut(std::move(Fut)) {}

  Step resume() override {
    if (this->state == 1)
      goto resume_1;
    if (!Fut.done()) {
      this->state = 1;
      return suspendOn(*Fut.impl());
    resume_1:
      resume_point();
    }
    if constexpr (std::is_void_v<T>) {
      resultOf<T, false>(Fut);
    } else {
      this->return_value(resultOf<T, false>(Fut));
    }
    return this->finish();
  }

  const char *function_name() const noexcept override { return "wait_for"; }

private:
  H Fut;
};

/// asyncio's timeouts.Timeout: what a timeout() scope, its timer callback
/// and the user's cosm::Timeout handle share.
struct TimeoutState : RefCounted {
  explicit TimeoutState(std::optional<double> When) : When(When) {}
  Ref<TaskBase> Task;
  enum class St : unsigned char { Created, Entered, Expiring, Expired, Exited };
  St State = St::Created;
  std::optional<double> When;
  int CancellingAtEnter = 0;
  Handle Handler;
  /// __aenter__: binds to the current task and schedules the deadline
  /// (none without one).
  void enter();
  /// Timeout.reschedule(when).
  void reschedule(std::optional<double> NewWhen);
  /// __aexit__: true if the exception leaving the block must become
  /// TimeoutError.
  bool exit(const std::exception_ptr &E);
  /// __repr__.
  std::string repr() const;
  /// _State's value: "created", "active", ...
  const char *stateValue() const noexcept;
};

/// `async with timeout: return await body`.
template <class T> class TimeoutFrame final : public Frame<T> {
public:
  TimeoutFrame(Ref<TimeoutState> S, Coro<T> Body)
      : S(std::move(S)), child_1(std::move(Body)) {}
  ~TimeoutFrame() override { unwind(); }

  Step resume() override {
    if (this->state == 1)
      goto resume_1;
    S->enter();
    Entered = true;
  resume_1:
    if (child_1.step() == Step::Suspended) {
      this->state = 1;
      return Step::Suspended;
    }
    {
      std::exception_ptr Error;
      std::optional<Outcome> Value;
      try {
        if constexpr (std::is_void_v<T>) {
          child_1.take_result();
        } else {
          Value.emplace(child_1.take_result());
        }
      } catch (...) {
        Error = std::current_exception();
      }
      Entered = false;
      if (S->exit(Error))
        throw TimeoutError("");
      if (Error)
        std::rethrow_exception(Error);
      if constexpr (!std::is_void_v<T>)
        this->return_value(std::move(*Value));
    }
    return this->finish();
  }

  void unwind() noexcept override {
    if (Entered) {
      // The handler's callback holds the state: let go of it.
      S->Handler.cancel();
      S->Handler = Handle();
    }
    child_1 = {};
  }

  const char *function_name() const noexcept override { return "timeout"; }
  const FrameBase *awaited_frame() const noexcept override {
    return active_child(child_1);
  }

private:
  using Outcome = std::conditional_t<std::is_void_v<T>, char, T>;
  Ref<TimeoutState> S;
  Coro<T> child_1;
  bool Entered = false;
};

/// asyncio.shield's outer future and its two done callbacks.
template <class T> struct Shield {
  // _inner_done_callback: Obj is the outer future (retained).
  static void innerDone(void *Obj, FutureBase *Inner) {
    auto *Outer = static_cast<FutureImpl<T> *>(Obj);
    if (Outer->cancelled()) {
      if (!Inner->cancelled())
        Inner->exception(); // mark retrieved
      return;
    }
    if (Inner->cancelled()) {
      Outer->cancel();
    } else if (std::exception_ptr Ex = Inner->exception()) {
      Outer->setException(Ex);
    } else if constexpr (std::is_void_v<T>) {
      Outer->setResult();
    } else {
      Outer->setResult(T(resultOfBase(Inner)));
    }
  }
  // _outer_done_callback: Obj is the inner future (retained).
  static void outerDone(void *Obj, FutureBase *Outer) {
    auto *Inner = static_cast<FutureBase *>(Obj);
    if (!Inner->done())
      Inner->removeDoneCallback(&InnerOps, static_cast<FutureImpl<T> *>(Outer));
  }
  template <class U = T> static const U &resultOfBase(FutureBase *Inner) {
    if (Inner->isTask())
      return static_cast<TaskImpl<U> *>(Inner)->result();
    return static_cast<FutureImpl<U> *>(Inner)->result();
  }
  static void releaseOuter(void *Obj) noexcept {
    static_cast<FutureImpl<T> *>(Obj)->release();
  }
  static void releaseInner(void *Obj) noexcept {
    static_cast<FutureBase *>(Obj)->release();
  }
  static std::string describe(const void *) { return "<shield callback>"; }
  static constexpr CallbackOps InnerOps{&innerDone, &releaseOuter, &describe};
  static constexpr CallbackOps OuterOps{&outerDone, &releaseInner, &describe};
};

} // namespace detail

/// asyncio.wait_for(x, Seconds): x is a Coro<T> (wrapped in a task when the
/// returned coroutine starts), a Task<T> or a Future<T>. std::nullopt is
/// asyncio's None: no deadline, `return await x` (a coroutine is then
/// awaited inline, with no task, as 3.11 does).
template <class A>
Coro<typename detail::EnsureFuture<std::decay_t<A>>::Value>
wait_for(A &&X, std::optional<double> Seconds,
         detail::SourceLoc Loc = detail::SourceLoc::current()) {
  using D = std::decay_t<A>;
  using T = typename detail::EnsureFuture<D>::Value;
  if (!Seconds) {
    if constexpr (detail::EnsureFuture<D>::Owned)
      return D(std::forward<A>(X));
    else
      return Coro<T>::template make_awaited<detail::AwaitFrame<D>>(
          D(std::forward<A>(X)));
  }
  return Coro<T>::template make_awaited<detail::WaitForFrame<D>>(
      D(std::forward<A>(X)), *Seconds, Loc);
}

/// asyncio.Timeout: the object of `async with asyncio.timeout(...) as cm`.
/// A shared handle (copies refer to the same scope). Enter it with
/// async_with(body) once; inside, when(), reschedule() and expired() behave
/// as asyncio 3.11's.
class Timeout {
public:
  /// asyncio.Timeout(when): a deadline on Loop::time()'s clock, or
  /// std::nullopt for none. Scheduled only when entered.
  explicit Timeout(std::optional<double> When)
      : S(new detail::TimeoutState(When)) {}

  /// The current deadline (std::nullopt: none).
  std::optional<double> when() const noexcept { return S->When; }
  /// Moves the deadline: std::nullopt removes it, a deadline already passed
  /// expires the scope in the next pass. RuntimeError unless the scope is
  /// active ("Cannot change state of expiring Timeout", ... as asyncio;
  /// before it is entered, where asyncio asserts, "Timeout has not been
  /// entered").
  void reschedule(std::optional<double> When) const { S->reschedule(When); }
  /// True once the deadline has cancelled the scope (asyncio's expired()).
  bool expired() const noexcept {
    return S->State == detail::TimeoutState::St::Expiring ||
           S->State == detail::TimeoutState::St::Expired;
  }
  /// asyncio's repr(): `<Timeout [active] when=12.345>`, `<Timeout
  /// [expired]>`.
  std::string repr() const { return S->repr(); }

  /// `async with self: return await Body`: Body runs inline in the current
  /// task; if the deadline passes, the CancelledError that leaves it
  /// becomes TimeoutError (see timeout_at). RuntimeError outside a task.
  template <class T> Coro<T> async_with(Coro<T> Body) const {
    return Coro<T>::template make_awaited<detail::TimeoutFrame<T>>(
        S, std::move(Body));
  }

private:
  detail::Ref<detail::TimeoutState> S;
};

/// asyncio.timeout_at(When): a Timeout with that deadline (std::nullopt:
/// none), to enter with async_with().
inline Timeout timeout_at(std::optional<double> When) { return Timeout(When); }

/// asyncio.timeout(Seconds): a Timeout Seconds after now (Loop::time() is
/// read here, as asyncio.timeout() reads loop.time()); std::nullopt: none.
Timeout timeout(std::optional<double> Seconds);

/// `async with asyncio.timeout_at(When): return await Body`; std::nullopt
/// is None (no deadline).
template <class T>
Coro<T> timeout_at(std::optional<double> When, Coro<T> Body) {
  return Timeout(When).async_with(std::move(Body));
}

/// `async with asyncio.timeout(Seconds): return await Body` (the deadline is
/// taken when this is called, as asyncio.timeout() reads loop.time());
/// std::nullopt is None (no deadline).
template <class T>
Coro<T> timeout(std::optional<double> Seconds, Coro<T> Body) {
  return timeout(Seconds).async_with(std::move(Body));
}

/// asyncio.shield(x): a future with x's outcome; cancelling it (or the task
/// awaiting it) leaves x running. x is a Coro<T> (wrapped in a task now), a
/// Task<T> or a Future<T>.
template <class A>
Future<typename detail::EnsureFuture<std::decay_t<A>>::Value>
shield(A &&X, detail::SourceLoc Loc = detail::SourceLoc::current()) {
  using D = std::decay_t<A>;
  using T = typename detail::EnsureFuture<D>::Value;
  using S = detail::Shield<T>;
  D Arg(std::forward<A>(X));
  Loop &L = detail::runningLoop();
  auto Inner = detail::EnsureFuture<D>::make(L, Arg, Loc);
  Future<T> Outer(L, Loc);
  detail::FutureBase *In = Inner.impl();
  if (In->done()) {
    // asyncio returns the inner future itself: an outer that is already done
    // in the same way behaves alike when awaited (a cancelled one raises the
    // inner's CancelledError, message included).
    if (In->cancelled())
      Outer.impl()->cancelLike(*In);
    else
      S::innerDone(Outer.impl(), In);
    return Outer;
  }
  // asyncio 3.14: the task calling shield() waits for the inner future.
  if (detail::TaskBase *Caller = detail::currentTaskOrNull())
    In->addAwaiter(*Caller);
  Outer.impl()->retain();
  In->addDoneCallback(&S::InnerOps, Outer.impl());
  In->retain();
  Outer.impl()->addDoneCallback(&S::OuterOps, In);
  return Outer;
}

} // namespace cosm

#endif // COSM_TIMEOUTS_HPP
