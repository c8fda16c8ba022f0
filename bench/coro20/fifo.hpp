//===- bench/coro20/fifo.hpp - C++20 coroutines on a FIFO ------*- C++ -*-===//
///
/// \file
/// The raw C++20 peer: the least a C++20 program needs to run tasks on one
/// thread in asyncio's order. A ready queue of coroutine handles, run front
/// to back; Task<T>, a lazy coroutine that an awaiting coroutine enters and
/// leaves by symmetric transfer (no trip through the queue); spawn(), which
/// queues a task and returns a Join to await it (the waiter is queued when
/// the task ends, one pass later, as asyncio's wake-up); yield() and an
/// Event. No cancellation, no exceptions across tasks (they terminate).
///
//===----------------------------------------------------------------------===//
#ifndef BENCH_CORO20_FIFO_HPP
#define BENCH_CORO20_FIFO_HPP

#include <coroutine>
#include <cstdlib>
#include <deque>
#include <utility>
#include <vector>

namespace fifo {

/// The ready queue of the one thread.
inline std::deque<std::coroutine_handle<>> &readyQueue() {
  static std::deque<std::coroutine_handle<>> Q;
  return Q;
}

inline void post(std::coroutine_handle<> H) { readyQueue().push_back(H); }

/// Resumes queued coroutines until none is left.
inline void runReady() {
  auto &Q = readyQueue();
  while (!Q.empty()) {
    std::coroutine_handle<> H = Q.front();
    Q.pop_front();
    H.resume();
  }
}

template <class T> class Task {
public:
  struct promise_type {
    T Value{};
    /// Who resumes when the body ends: the awaiting coroutine (entered by
    /// symmetric transfer) or, for a spawned task, its joiner (queued).
    std::coroutine_handle<> Next;
    bool Spawned = false;

    Task get_return_object() {
      return Task(std::coroutine_handle<promise_type>::from_promise(*this));
    }
    std::suspend_always initial_suspend() noexcept { return {}; }
    struct Final {
      bool await_ready() noexcept { return false; }
      std::coroutine_handle<>
      await_suspend(std::coroutine_handle<promise_type> H) noexcept {
        promise_type &P = H.promise();
        if (!P.Spawned)
          return P.Next;
        if (P.Next)
          post(P.Next);
        return std::noop_coroutine();
      }
      void await_resume() noexcept {}
    };
    Final final_suspend() noexcept { return {}; }
    void return_value(T V) { Value = std::move(V); }
    void unhandled_exception() { std::abort(); }
  };

  Task(Task &&O) noexcept : H(std::exchange(O.H, {})) {}
  Task &operator=(Task &&O) noexcept {
    std::swap(H, O.H);
    return *this;
  }
  ~Task() {
    if (H)
      H.destroy();
  }

  /// Awaiting a task runs it inline, from its start, by symmetric transfer.
  bool await_ready() const noexcept { return false; }
  std::coroutine_handle<> await_suspend(std::coroutine_handle<> Caller) {
    H.promise().Next = Caller;
    return H;
  }
  T await_resume() { return std::move(H.promise().Value); }

  std::coroutine_handle<promise_type> handle() const noexcept { return H; }

private:
  explicit Task(std::coroutine_handle<promise_type> H) : H(H) {}
  std::coroutine_handle<promise_type> H;
};

/// A spawned task: await it for its value.
template <class T> class Join {
public:
  explicit Join(Task<T> Tk) : Tk(std::move(Tk)) {}
  bool await_ready() const noexcept { return Tk.handle().done(); }
  void await_suspend(std::coroutine_handle<> Caller) {
    Tk.handle().promise().Next = Caller;
  }
  T await_resume() { return std::move(Tk.handle().promise().Value); }

private:
  Task<T> Tk;
};

/// Queues Tk's first step (asyncio's create_task).
template <class T> Join<T> spawn(Task<T> Tk) {
  Tk.handle().promise().Spawned = true;
  post(Tk.handle());
  return Join<T>(std::move(Tk));
}

/// Runs Main as a task until the queue is empty; returns its value.
template <class T> T run(Task<T> Main) {
  Join<T> J = spawn(std::move(Main));
  runReady();
  if (!J.await_ready())
    std::abort(); // deadlock: nothing left to run and Main is not done
  return J.await_resume();
}

/// co_await yield(): back of the queue (asyncio's sleep(0)).
struct yield {
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<> H) const { post(H); }
  void await_resume() const noexcept {}
};

/// asyncio.Event without clear(): set() queues every waiter in order.
class Event {
public:
  auto wait() {
    struct Awaiter {
      Event &E;
      bool await_ready() const noexcept { return E.IsSet; }
      void await_suspend(std::coroutine_handle<> H) { E.Waiters.push_back(H); }
      void await_resume() const noexcept {}
    };
    return Awaiter{*this};
  }
  void set() {
    IsSet = true;
    for (std::coroutine_handle<> H : Waiters)
      post(H);
    Waiters.clear();
  }

private:
  std::vector<std::coroutine_handle<>> Waiters;
  bool IsSet = false;
};

} // namespace fifo

#endif // BENCH_CORO20_FIFO_HPP
