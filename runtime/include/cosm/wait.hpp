//===- cosm/wait.hpp - wait and as_completed -------------------*- C++ -*-===//
///
/// \file
/// asyncio.wait and asyncio.as_completed (3.11's tasks.py).
///
/// - `wait(fs, timeout, return_when)` returns (done, pending). asyncio returns
///   two sets; cosm returns two vectors in the order of `fs` (a task or
///   future given twice appears once, at its first place). As in 3.11 each
///   future gets the completion callback in that order, the waiting task
///   resumes one pass after the callback that releases it, and a timeout
///   returns what is pending instead of raising. Coroutines are refused at
///   compile time (3.11's TypeError): wrap them with create_task().
/// - `as_completed(fs, timeout)` returns, as 3.11's iterator does, one
///   coroutine per distinct argument; awaiting the i-th gives the result (or
///   exception) of the i-th future to complete, or TimeoutError once the
///   timeout has passed. Coroutine arguments become tasks at the call, in
///   `fs` order (asyncio iterates a set there, in no defined order).
///
//===----------------------------------------------------------------------===//
#ifndef COSM_WAIT_HPP
#define COSM_WAIT_HPP

#include "cosm/errors.hpp"
#include "cosm/frame.hpp"
#include "cosm/future.hpp"
#include "cosm/handle.hpp"
#include "cosm/loop.hpp"
#include "cosm/queue.hpp"
#include "cosm/task.hpp"
#include "cosm/timeouts.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

namespace cosm {

/// asyncio.FIRST_COMPLETED, FIRST_EXCEPTION and ALL_COMPLETED.
enum class ReturnWhen : unsigned char {
  FIRST_COMPLETED,
  FIRST_EXCEPTION,
  ALL_COMPLETED
};
inline constexpr ReturnWhen FIRST_COMPLETED = ReturnWhen::FIRST_COMPLETED;
inline constexpr ReturnWhen FIRST_EXCEPTION = ReturnWhen::FIRST_EXCEPTION;
inline constexpr ReturnWhen ALL_COMPLETED = ReturnWhen::ALL_COMPLETED;

namespace detail {

/// What _wait's _on_completion closure shares with the waiting frame.
struct WaitState : RefCounted {
  WaitState(Loop &L, std::size_t Counter, ReturnWhen When);
  /// Registers _on_completion on F (retaining this state).
  void watch(FutureBase &F);
  /// The `finally` of _wait: cancels the timer and removes the callbacks.
  void stopWatching(const std::vector<FutureBase *> &Fs) noexcept;

  Ref<FutureImpl<void>> Waiter;
  TimerHandle Timer;
  std::size_t Counter;
  ReturnWhen When;
};

template <class T> struct IsCoroutine : std::false_type {};
template <class T> struct IsCoroutine<Coro<T>> : std::true_type {};

/// Throws asyncio.wait's ValueErrors (an empty set, a bad return_when).
void checkWaitArgs(std::size_t N, ReturnWhen When);

/// The distinct elements of Fs, in first-seen order (asyncio's set(fs)).
template <class H> std::vector<H> distinct(std::vector<H> Fs) {
  std::vector<H> Out;
  Out.reserve(Fs.size());
  for (H &F : Fs) {
    bool Seen = false;
    for (const H &O : Out)
      Seen = Seen || O.impl() == F.impl();
    if (!Seen)
      Out.push_back(std::move(F));
  }
  return Out;
}

/// async def wait(fs, *, timeout, return_when) with _wait inlined.
template <class H>
class WaitFrame final
    : public Frame<std::pair<std::vector<H>, std::vector<H>>> {
  using Result = std::pair<std::vector<H>, std::vector<H>>;

public:
  WaitFrame(std::vector<H> Fs, std::optional<double> Timeout, ReturnWhen When)
      : Fs(std::move(Fs)), Timeout(Timeout), When(When) {}
  ~WaitFrame() override { unwind(); }

  Step resume() override {
    if (this->state == 1)
      goto resume_1;
    checkWaitArgs(Fs.size(), When);
    Fs = distinct(std::move(Fs));
    S = new WaitState(runningLoop(), Fs.size(), When);
    if (Timeout)
      S->Timer = releaseLater(*S->Waiter->loop(), *Timeout, *S->Waiter);
    for (const H &F : Fs)
      S->watch(*F.impl());
    this->state = 1;
    return suspendOn(*S->Waiter);
  resume_1:
    try {
      resume_point();
      S->Waiter->result();
    } catch (...) {
      unwind();
      throw;
    }
    unwind();
    {
      Result R;
      for (H &F : Fs)
        (F.done() ? R.first : R.second).push_back(std::move(F));
      this->return_value(std::move(R));
    }
    return this->finish();
  }

  void unwind() noexcept override {
    if (!S)
      return;
    std::vector<FutureBase *> Raw;
    for (const H &F : Fs)
      Raw.push_back(F.impl());
    S->stopWatching(Raw);
    S.reset();
  }

  const char *function_name() const noexcept override { return "wait"; }

private:
  std::vector<H> Fs;
  std::optional<double> Timeout;
  ReturnWhen When;
  Ref<WaitState> S;
};

/// as_completed's todo set, done queue and timer, shared by its callbacks
/// and the coroutines it returns.
template <class H> struct AsCompletedState : RefCounted {
  /// The distinct futures; Todo and Done hold indexes into it.
  std::vector<H> All;
  std::vector<std::size_t> Todo;
  /// Indexes of completed futures; Timedout for _on_timeout's None.
  Queue<std::size_t> Done;
  TimerHandle Timer;
  static constexpr std::size_t Timedout = std::size_t(-1);

  // _on_completion(f)
  static void onCompletion(void *Obj, FutureBase *F) {
    auto *S = static_cast<AsCompletedState *>(Obj);
    if (S->Todo.empty())
      return; // _on_timeout() was here first
    for (auto It = S->Todo.begin(); It != S->Todo.end(); ++It)
      if (S->All[*It].impl() == F) {
        S->Done.put_nowait(*It);
        S->Todo.erase(It);
        break;
      }
    if (S->Todo.empty()) {
      S->Timer.cancel();
      S->Timer = TimerHandle(); // the timer's callback holds this state
    }
  }
  // _on_timeout()
  void onTimeout() {
    for (std::size_t I : Todo) {
      All[I].impl()->removeDoneCallback(&Ops, this);
      Done.put_nowait(Timedout);
    }
    Todo.clear();
    Timer = TimerHandle(); // its callback, running now, holds this state
  }
  static void releaseState(void *Obj) noexcept {
    static_cast<AsCompletedState *>(Obj)->release();
  }
  static std::string describe(const void *) {
    return "<Handle as_completed.<locals>._on_completion()>";
  }
  static constexpr CallbackOps Ops{&onCompletion, &releaseState, &describe};
};

/// as_completed's _wait_for_one():
///     f = await done.get()
///     if f is None: raise TimeoutError
///     return f.result()
template <class T, class H> class WaitForOneFrame final : public Frame<T> {
public:
  explicit WaitForOneFrame(Ref<AsCompletedState<H>> S) : S(std::move(S)) {}
  ~WaitForOneFrame() override { unwind(); }

  Step resume() override {
    if (this->state == 1)
      goto resume_1;
    child_1 = S->Done.get();
  resume_1:
    if (child_1.step() == Step::Suspended) {
      this->state = 1;
      return Step::Suspended;
    }
    {
      std::size_t I = child_1.take_result();
      if (I == AsCompletedState<H>::Timedout)
        throw TimeoutError("");
      if constexpr (std::is_void_v<T>)
        S->All[I].result();
      else
        this->return_value(T(S->All[I].result()));
    }
    return this->finish();
  }
  void unwind() noexcept override { child_1 = {}; }
  const char *function_name() const noexcept override {
    return "_wait_for_one";
  }

private:
  Ref<AsCompletedState<H>> S;
  Coro<std::size_t> child_1;
};

} // namespace detail

/// asyncio.wait(fs, timeout=Timeout, return_when=When): waits until When
/// holds (or the timeout passes) and returns (done, pending), both in the
/// order of Fs. H is Task<T>, Future<T> or AnyTask. ValueError (when
/// awaited) if Fs is empty. std::nullopt is asyncio's None: no timeout.
template <class H>
Coro<std::pair<std::vector<H>, std::vector<H>>>
wait(std::vector<H> Fs, std::optional<double> Timeout = std::nullopt,
     ReturnWhen When = ALL_COMPLETED) {
  static_assert(!detail::IsCoroutine<H>::value,
                "wait() does not take coroutines (asyncio 3.11 raises "
                "TypeError): wrap them with create_task()");
  using R = std::pair<std::vector<H>, std::vector<H>>;
  return Coro<R>::template make_awaited<detail::WaitFrame<H>>(std::move(Fs),
                                                              Timeout, When);
}

/// asyncio.as_completed(fs, timeout=Timeout): one coroutine per distinct
/// element of Fs; awaiting them in order gives the results in completion
/// order, or TimeoutError once Timeout has passed. A is Coro<T> (wrapped in
/// a task now), Task<T> or Future<T>. Must be called while a loop runs.
template <class A>
std::vector<Coro<typename detail::EnsureFuture<A>::Value>>
as_completed(std::vector<A> Fs, std::optional<double> Timeout = std::nullopt,
             detail::SourceLoc Loc = detail::SourceLoc::current()) {
  using E = detail::EnsureFuture<A>;
  using T = typename E::Value;
  using H = typename E::Handle;
  using State = detail::AsCompletedState<H>;
  Loop &L = detail::runningLoop();
  detail::Ref<State> S(new State);
  std::vector<H> Todo;
  for (A &Arg : Fs)
    Todo.push_back(E::make(L, Arg, Loc));
  S->All = detail::distinct(std::move(Todo));
  for (std::size_t I = 0; I < S->All.size(); ++I) {
    S->Todo.push_back(I);
    S->retain();
    S->All[I].impl()->addDoneCallback(&State::Ops, S.get());
  }
  if (!S->Todo.empty() && Timeout)
    // The timer holds the state; _on_completion cancels it when all are done.
    S->Timer = L.call_later(*Timeout, [S] { S->onTimeout(); });
  std::vector<Coro<T>> Out;
  for (std::size_t I = 0, N = S->Todo.size(); I < N; ++I)
    Out.push_back(
        Coro<T>::template make_awaited<detail::WaitForOneFrame<T, H>>(S));
  return Out;
}

} // namespace cosm

#endif // COSM_WAIT_HPP
