//===- cosm/loop.hpp - The event loop --------------------------*- C++ -*-===//
///
/// \file
/// cosm::Loop, asyncio's BaseEventLoop for C++. One pass (run_once) is
/// exactly asyncio's _run_once; docs/frame-protocol.md and
/// src/loop.cpp list its phases. A loop is used from one thread; at most one
/// loop runs per thread at a time.
///
//===----------------------------------------------------------------------===//
#ifndef COSM_LOOP_HPP
#define COSM_LOOP_HPP

#include "cosm/callback.hpp"
#include "cosm/handle.hpp"
#include "cosm/task.hpp"

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <memory>
#include <optional>
#include <string>
#include <type_traits>
#include <unordered_map>
#include <utility>
#include <vector>

namespace cosm {

struct AddrInfo;
struct SocketAddress;

namespace detail {
struct LoopInternals;
struct SignalState;
class Executor;
struct ThreadsafeQueue;
class Tracer;

/// A callable handed from one thread to another (call_soon_threadsafe,
/// executor jobs).
class ThreadCallback {
public:
  virtual ~ThreadCallback() = default;
  virtual void run() = 0;
};
template <class F> class ThreadCallbackOf final : public ThreadCallback {
public:
  explicit ThreadCallbackOf(F Fn) : Fn(std::move(Fn)) {}
  void run() override { Fn(); }

private:
  F Fn;
};
template <class F> std::unique_ptr<ThreadCallback> threadCallback(F Fn) {
  return std::make_unique<ThreadCallbackOf<F>>(std::move(Fn));
}

/// One reference to a future, carried through a worker thread without ever
/// being touched there: it is taken and dropped on the loop's thread only
/// (the loop joins its workers before it drops their pending callbacks).
template <class T> class LoopOwnedFuture {
public:
  explicit LoopOwnedFuture(FutureImpl<T> *P) noexcept : P(P) { P->retain(); }
  LoopOwnedFuture(LoopOwnedFuture &&O) noexcept
      : P(std::exchange(O.P, nullptr)) {}
  LoopOwnedFuture &operator=(LoopOwnedFuture &&) = delete;
  ~LoopOwnedFuture() {
    if (P)
      P->release();
  }
  FutureImpl<T> &operator*() const noexcept { return *P; }

private:
  FutureImpl<T> *P;
};

/// What a worker computed, delivered to the future on the loop's thread
/// (asyncio's _copy_future_state, skipped when the future was cancelled).
template <class T> struct JobOutcome {
  std::optional<T> Value;
  std::exception_ptr Error;
  template <class F> void compute(F &Fn) {
    try {
      Value.emplace(Fn());
    } catch (...) {
      Error = std::current_exception();
    }
  }
  void deliver(FutureImpl<T> &Fut) {
    if (Fut.cancelled())
      return;
    if (Error)
      Fut.setException(Error);
    else
      Fut.setResult(std::move(*Value));
  }
};
template <> struct JobOutcome<void> {
  std::exception_ptr Error;
  template <class F> void compute(F &Fn) {
    try {
      Fn();
    } catch (...) {
      Error = std::current_exception();
    }
  }
  void deliver(FutureImpl<void> &Fut) {
    if (Fut.cancelled())
      return;
    if (Error)
      Fut.setException(Error);
    else
      Fut.setResult();
  }
};
} // namespace detail

class Loop {
public:
  /// A new, stopped loop. Debug mode starts on if COSM_DEBUG is set to
  /// anything but "" or "0" (asyncio reads PYTHONASYNCIODEBUG the same way).
  Loop();
  /// Closes the loop if needed (see close()).
  ~Loop();
  Loop(const Loop &) = delete;
  Loop &operator=(const Loop &) = delete;

  /// Runs Fn() in a later pass, after everything already queued.
  template <class F>
  Handle call_soon(F Fn, detail::SourceLoc Loc = detail::SourceLoc::current()) {
    auto *H = new detail::CallableHandle<F>(*this, Loc, std::move(Fn));
    Handle Result(H);
    scheduleSoon(H);
    return Result;
  }
  /// Runs Fn() in the first pass that starts at least Delay seconds from now.
  template <class F>
  TimerHandle call_later(double Delay, F Fn,
                         detail::SourceLoc Loc = detail::SourceLoc::current()) {
    return call_at(time() + Delay, std::move(Fn), Loc);
  }
  /// Runs Fn() in the first pass whose clock reading reaches When
  /// (Loop::time() scale). Equal deadlines run in scheduling order.
  template <class F>
  TimerHandle call_at(double When, F Fn,
                      detail::SourceLoc Loc = detail::SourceLoc::current()) {
    auto *H = new detail::CallableHandle<F>(*this, Loc, std::move(Fn));
    TimerHandle Result(H);
    scheduleTimer(H, When);
    return Result;
  }

  /// The one thread-safe method: runs Fn() on the loop's thread in a later
  /// pass, waking the loop if it rests in epoll (an eventfd). RuntimeError if
  /// the loop is closed. (asyncio returns a Handle; cosm returns nothing,
  /// since handles are not thread-safe.)
  template <class F> void call_soon_threadsafe(F Fn) {
    postThreadsafe(detail::threadCallback(std::move(Fn)));
  }

  /// asyncio's loop.run_in_executor(None, Fn): runs Fn() on the loop's
  /// default executor, a small thread pool. The future (of this loop)
  /// completes with Fn's result or exception through call_soon_threadsafe.
  /// Cancelling the future keeps a job that has not started from running; a
  /// running job runs to the end and its result is dropped.
  template <class F>
  Future<std::decay_t<std::invoke_result_t<F &>>> run_in_executor(F Fn) {
    using R = std::decay_t<std::invoke_result_t<F &>>;
    Future<R> Fut(*this);
    auto Cancelled = std::make_shared<std::atomic<bool>>(false);
    Fut.add_done_callback([Cancelled](const Future<R> &Done) {
      if (Done.cancelled())
        Cancelled->store(true);
    });
    submitJob(detail::threadCallback(
        [this, Fn = std::move(Fn), Owned = detail::LoopOwnedFuture<R>(Fut.impl()),
         Cancelled]() mutable {
          // On a worker thread: touches nothing of the loop but its
          // thread-safe queue.
          if (Cancelled->load()) {
            postThreadsafe(detail::threadCallback([O = std::move(Owned)] {}));
            return;
          }
          auto Out = std::make_unique<detail::JobOutcome<R>>();
          Out->compute(Fn);
          postThreadsafe(detail::threadCallback(
              [O = std::move(Owned), Out = std::move(Out)] {
                Out->deliver(*O);
              }));
        }));
    return Fut;
  }

  /// asyncio's loop.getaddrinfo: socket.getaddrinfo on the default
  /// executor (std::nullopt is Python's None; include cosm/sockets.hpp for
  /// AddrInfo). A failed lookup raises cosm::gaierror, e.g. "[Errno -2] Name
  /// or service not known". Runs on the running loop.
  Coro<std::vector<AddrInfo>> getaddrinfo(std::optional<std::string> Host,
                                          std::optional<std::string> Port,
                                          int Family = 0, int Type = 0,
                                          int Proto = 0, int Flags = 0);
  Coro<std::vector<AddrInfo>> getaddrinfo(std::optional<std::string> Host,
                                          int Port, int Family = 0,
                                          int Type = 0, int Proto = 0,
                                          int Flags = 0);
  /// asyncio's loop.getnameinfo: (host, service) of a numeric address.
  Coro<std::pair<std::string, std::string>> getnameinfo(SocketAddress Address,
                                                        int Flags = 0);

  /// asyncio's add_reader: Fn() runs (through the ready queue) in every
  /// pass whose poll finds Fd readable (or hung up, or in error), until
  /// remove_reader(Fd). Replaces an earlier reader of Fd.
  template <class F>
  void add_reader(int Fd, F Fn,
                  detail::SourceLoc Loc = detail::SourceLoc::current()) {
    addWatcher(Fd, false, new detail::CallableHandle<F>(*this, Loc, std::move(Fn)));
  }
  /// The same for writability.
  template <class F>
  void add_writer(int Fd, F Fn,
                  detail::SourceLoc Loc = detail::SourceLoc::current()) {
    addWatcher(Fd, true, new detail::CallableHandle<F>(*this, Loc, std::move(Fn)));
  }
  /// Stops watching Fd; false if it had no reader (writer).
  bool remove_reader(int Fd) { return removeWatcher(Fd, false); }
  bool remove_writer(int Fd) { return removeWatcher(Fd, true); }

  /// asyncio's add_signal_handler (Unix): from now on, each delivery of
  /// signal Sig makes Fn() run as a loop callback, in the order the signals
  /// arrived (the process-wide handler writes the signal number to a pipe
  /// the loop reads; the callbacks run in the pass after that read).
  /// Replaces an earlier handler of Sig. ValueError for a number that is not
  /// a signal; RuntimeError("sig N cannot be caught") for SIGKILL and
  /// SIGSTOP, if the loop is closed, or outside the main thread. As
  /// set_wakeup_fd, one loop of the process receives signals: the last one
  /// given a handler.
  template <class F>
  void
  add_signal_handler(int Sig, F Fn,
                     detail::SourceLoc Loc = detail::SourceLoc::current()) {
    addSignalHandler(Sig,
                     new detail::CallableHandle<F>(*this, Loc, std::move(Fn)));
  }
  /// Removes the handler of Sig and restores the default action (SIG_DFL;
  /// asyncio restores default_int_handler for SIGINT, which is C's default
  /// here). False if Sig had no handler; ValueError as above.
  bool remove_signal_handler(int Sig);

  /// Monotonic clock, in seconds.
  double time() const noexcept;
  /// The clock's resolution: timers due within it count as due.
  double clock_resolution() const noexcept { return ClockResolution; }

  /// Runs passes until stop() is called (the pass calling stop() finishes).
  void run_forever();
  /// Runs until the task, future or coroutine (wrapped in a new task) is
  /// done; returns its result or rethrows its exception.
  template <class T>
  T run_until_complete(Coro<T> C,
                       detail::SourceLoc Loc = detail::SourceLoc::current()) {
    checkCanRun(); // before wrapping: a refused coroutine is never awaited
    Task<T> Tk = detail::makeTask(*this, std::move(C), {}, Loc);
    Tk.impl()->LogDestroyPending = false;
    runUntilDone(*Tk.impl());
    return Tk.impl()->takeResult();
  }
  template <class T> T run_until_complete(const Task<T> &Tk) {
    runUntilDone(*Tk.impl());
    return Tk.result();
  }
  template <class T> T run_until_complete(const Future<T> &F) {
    runUntilDone(*F.impl());
    return F.result();
  }
  /// Makes run_forever() return after the current pass.
  void stop() noexcept { Stopping = true; }
  /// Drops queued callbacks and timers and destroys the frames of pending
  /// tasks (their destructors run). RuntimeError if running.
  void close();
  bool is_running() const noexcept { return Running; }
  bool is_closed() const noexcept { return Closed; }

  void set_debug(bool On) noexcept { Debug = On; }
  bool get_debug() const noexcept { return Debug; }
  /// In debug mode, callbacks and steps that take at least this many
  /// seconds are reported on stderr.
  double slow_callback_duration = 0.1;

  /// Writes a Chrome trace of this loop's task steps to Path (JSON that
  /// Perfetto and chrome://tracing open; docs/runtime.md, "Tracing"); ""
  /// turns tracing off. The file is created now (OSError if it cannot be
  /// written) and written when the loop closes. A new loop takes
  /// COSM_TRACE's value, and creates that file when it first runs.
  /// RuntimeError once the loop has started running.
  void set_trace_file(std::string Path);
  /// The trace file, or "" when the loop does not trace.
  const std::string &trace_file() const noexcept { return TracePath; }

  /// Passes run so far (for tests and benchmarks).
  std::uint64_t passes() const noexcept { return Passes; }

  /// Wraps C in a task of this loop, which need not be running.
  template <class T>
  Task<T> create_task(Coro<T> C, std::string Name = {},
                      detail::SourceLoc Loc = detail::SourceLoc::current()) {
    return detail::makeTask(*this, std::move(C), std::move(Name), Loc);
  }
  /// The pending tasks of this loop, oldest first.
  std::vector<AnyTask> all_tasks() const;

  /// Tells this loop from an earlier one at the same address (each
  /// cosm::run() makes its loop on the stack): futures and loop-bound
  /// objects keep it with the loop's address.
  std::uint32_t generation() const noexcept { return Generation; }

private:
  friend class detail::FutureBase;
  friend class detail::TaskBase;
  friend class Handle;
  friend struct detail::LoopInternals;

  void checkOpen() const;
  /// Thread-safe: queues Cb for the loop's thread and wakes the loop.
  void postThreadsafe(std::unique_ptr<detail::ThreadCallback> Cb);
  /// Moves what other threads queued to the ready queue.
  void drainThreadsafe();
  void addWatcher(int Fd, bool Write, detail::HandleImpl *H);
  // Signals (src/signals.cpp).
  void addSignalHandler(int Sig, detail::HandleImpl *H);
  /// Queues the read of the signal pipe if a signal arrived.
  void pollSignals();
  /// Removes every signal handler (close()).
  void closeSignals() noexcept;
  bool removeWatcher(int Fd, bool Write);
  /// Starts Job on the default executor (created on first use).
  void submitJob(std::unique_ptr<detail::ThreadCallback> Job);
  /// RuntimeError unless this loop may start running now.
  void checkCanRun() const;
  void scheduleSoon(detail::HandleImpl *H);
  void scheduleTimer(detail::HandleImpl *H, double When);
  void pushReady(const detail::ReadyItem &Item) { Ready.push(Item); }
  void runUntilDone(detail::FutureBase &F);

  // The phases of one pass, in order.
  void runOnce();
  void dropCancelledTimers();
  double pollTimeout() const;
  void pollIo(double Timeout);
  void moveDueTimers();
  void runReady(std::size_t NTodo);
  bool runDebug(const detail::ReadyItem &Item);

  detail::ReadyQueue Ready;
  /// Timer min-heap by deadline, heapq's (timer_heap.hpp); each entry holds
  /// a reference.
  std::vector<detail::TimerEntry> Scheduled;
  std::size_t TimerCancelledCount = 0;
  std::uint64_t Passes = 0;
  /// Pending tasks, oldest first.
  detail::TaskBase *TasksHead = nullptr;
  detail::TaskBase *TasksTail = nullptr;
  /// Every live loop of the process, newest first, from the global
  /// cosm_loops: how the gdb extension finds the tasks (a plain global
  /// symbol, readable in a core file without the runtime's debug
  /// information, where the running loop is thread-local).
  Loop *PrevLoop = nullptr;
  Loop *NextLoop = nullptr;
  int EpollFd = -1;
  /// An eventfd in the epoll set: other threads write it to wake the loop.
  int WakeFd = -1;
  std::unique_ptr<detail::ThreadsafeQueue> Threadsafe;
  /// Set (under the queue's lock) when Threadsafe has items: lets a pass
  /// skip the lock when no other thread posted anything.
  std::atomic<bool> ThreadsafePending{false};
  std::unique_ptr<detail::Executor> DefaultExecutor;
  /// The signal handlers, created by the first add_signal_handler().
  std::unique_ptr<detail::SignalState> Signals;
  struct FdWatch {
    detail::Ref<detail::HandleImpl> Reader, Writer;
  };
  std::unique_ptr<std::unordered_map<int, FdWatch>> Watches;
  /// Registered I/O watchers; with none, a pass that must not wait skips
  /// the epoll_wait syscall.
  std::size_t IoWatchers = 0;
  double ClockResolution = 1e-9;
  std::string TracePath;
  /// Set from TracePath when the loop first runs; null when not tracing.
  std::unique_ptr<detail::Tracer> Trace;
  bool Running = false;
  bool Stopping = false;
  bool Closed = false;
  bool Debug = false;
  const std::uint32_t Generation;
};

/// The loop running in this thread; RuntimeError if none.
Loop &get_running_loop();

} // namespace cosm

#endif // COSM_LOOP_HPP
