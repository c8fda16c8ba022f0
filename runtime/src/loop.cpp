//===- loop.cpp - The event loop ------------------------------------------===//
///
/// \file
/// One pass of the loop (runOnce) is CPython 3.11's BaseEventLoop._run_once:
///   1. drop cancelled timers from the top of the heap (all of them, with a
///      re-heapify, when over 100 timers are scheduled and more than half
///      are cancelled);
///   2. choose the I/O timeout: 0 if callbacks are ready or the loop is
///      stopping, else until the earliest timer (at most one day), else
///      forever; this is where an idle loop rests;
///   3. poll for I/O (epoll);
///   4. read the clock once and move every timer due before
///      `now + clock_resolution` to the back of the ready queue, in heap
///      order;
///   5. run exactly the callbacks queued when this phase began; whatever
///      they queue runs in the next pass.
/// Everything else only appends to the ready queue.
///
//===----------------------------------------------------------------------===//
#include "cosm/loop.hpp"

#include "cosm/graph.hpp"
#include "debug.hpp"
#include "executor.hpp"
#include "signal_state.hpp"
#include "timer_heap.hpp"
#include "trace.hpp"

#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <ctime>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <system_error>
#include <unistd.h>

/// Every live loop, newest first (Loop::NextLoop): for the gdb extension
/// (share/cosm/gdb/cosm.py), which reads it by this unmangled name.
extern "C" {
cosm::Loop *cosm_loops = nullptr;
}

namespace cosm {

namespace {
/// The loop whose run_forever() is active in this thread.
thread_local Loop *RunningLoop = nullptr;
/// Guards cosm_loops: loops may be made in several threads.
std::mutex LoopsMutex;

/// asyncio's MAXIMUM_SELECT_TIMEOUT.
constexpr double MaxSelectTimeout = 24 * 3600;
/// asyncio's _MIN_SCHEDULED_TIMER_HANDLES.
constexpr std::size_t MinScheduledForCleanup = 100;

std::string traceFromEnvironment() {
  const char *Value = std::getenv("COSM_TRACE");
  return Value ? Value : "";
}

bool debugFromEnvironment() {
  const char *Value = std::getenv("COSM_DEBUG");
  return Value && *Value && std::strcmp(Value, "0") != 0;
}

/// asyncio's default exception handler: report and keep the loop going.
[[gnu::noinline, gnu::cold]] void
reportCallbackError(const detail::ReadyItem &Item) {
  detail::logError("Exception in callback " + Item.Ops->Describe(Item.Obj) +
                   "\n  " +
                   detail::describeException(std::current_exception()));
}

/// Runs a ready item. True if a task's step handed the item's reference to
/// its next step (TaskBase::stepQueued), so the caller must not release it.
[[gnu::always_inline]] inline bool runItem(const detail::ReadyItem &Item) {
  try {
    if (Item.Ops == &detail::TaskBase::StepOps)
      return static_cast<detail::TaskBase *>(Item.Obj)->stepQueued();
    Item.Ops->Run(Item.Obj, Item.Fut);
  } catch (const KeyboardInterrupt &) {
    // Handle._run re-raises KeyboardInterrupt and SystemExit.
    throw;
  } catch (...) {
    reportCallbackError(Item);
  }
  return false;
}

void releaseItem(const detail::ReadyItem &Item) noexcept {
  Item.Ops->Release(Item.Obj);
  if (Item.Fut)
    Item.Fut->release();
}

// run_until_complete's done callback (_run_until_complete_cb).
void stopLoop(void *Obj, detail::FutureBase *Fut) {
  if (!Fut->cancelled())
    Fut->markRetrieved();
  static_cast<Loop *>(Obj)->stop();
}
void releaseNothing(void *) noexcept {}
std::string describeStop(const void *) {
  return "<Handle _run_until_complete_cb()>";
}
constexpr detail::CallbackOps StopOps{&stopLoop, &releaseNothing,
                                      &describeStop};

// A callback another thread queued (call_soon_threadsafe).
void runThreadCallback(void *Obj, detail::FutureBase *) {
  static_cast<detail::ThreadCallback *>(Obj)->run();
}
void releaseThreadCallback(void *Obj) noexcept {
  delete static_cast<detail::ThreadCallback *>(Obj);
}
std::string describeThreadCallback(const void *) {
  return "<Handle call_soon_threadsafe callback>";
}
constexpr detail::CallbackOps ThreadCallbackOps{
    &runThreadCallback, &releaseThreadCallback, &describeThreadCallback};
} // namespace

namespace detail {

Loop *runningLoopOrNull() noexcept { return RunningLoop; }

Loop &runningLoop() {
  if (!RunningLoop)
    throw RuntimeError("no running event loop");
  return *RunningLoop;
}

static void runHandle(void *Obj, FutureBase *) {
  auto *H = static_cast<HandleImpl *>(Obj);
  if (!H->Cancelled)
    H->run();
}
static void releaseHandle(void *Obj) noexcept {
  static_cast<HandleImpl *>(Obj)->release();
}
static std::string describeHandle(const void *Obj) {
  return static_cast<const HandleImpl *>(Obj)->describe();
}
const CallbackOps HandleImpl::Ops{&runHandle, &releaseHandle, &describeHandle};

std::string HandleImpl::describe() const {
  std::string S = IsTimer ? "<TimerHandle when=" + std::to_string(When)
                          : std::string("<Handle");
  if (Cancelled)
    S += " cancelled";
  return S + createdAt(Loc) + ">";
}

} // namespace detail

Loop &get_running_loop() { return detail::runningLoop(); }

void Handle::cancel() const noexcept {
  if (!Impl || Impl->Cancelled)
    return;
  Impl->Cancelled = true;
  // asyncio counts cancelled timers still in the heap, to know when
  // rebuilding it pays off.
  if (Impl->Scheduled)
    ++Impl->L->TimerCancelledCount;
}

/// Never 0, which stands for "no loop" in a future.
static std::uint32_t nextGeneration() noexcept {
  static std::atomic<std::uint32_t> Count{0};
  std::uint32_t G = ++Count;
  return G ? G : ++Count;
}

Loop::Loop()
    : TracePath(traceFromEnvironment()), Debug(debugFromEnvironment()),
      Generation(nextGeneration()) {
  EpollFd = ::epoll_create1(EPOLL_CLOEXEC);
  if (EpollFd < 0)
    throw std::system_error(errno, std::generic_category(), "epoll_create1");
  WakeFd = ::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
  if (WakeFd < 0) {
    int Err = errno;
    ::close(EpollFd);
    throw std::system_error(Err, std::generic_category(), "eventfd");
  }
  epoll_event Ev{};
  Ev.events = EPOLLIN;
  Ev.data.fd = WakeFd;
  if (::epoll_ctl(EpollFd, EPOLL_CTL_ADD, WakeFd, &Ev) != 0) {
    int Err = errno;
    ::close(WakeFd);
    ::close(EpollFd);
    throw std::system_error(Err, std::generic_category(), "epoll_ctl");
  }
  Threadsafe = std::make_unique<detail::ThreadsafeQueue>();
  timespec Res;
  if (::clock_getres(CLOCK_MONOTONIC, &Res) == 0)
    ClockResolution = double(Res.tv_sec) + double(Res.tv_nsec) * 1e-9;
  std::lock_guard<std::mutex> Lock(LoopsMutex);
  NextLoop = cosm_loops;
  if (NextLoop)
    NextLoop->PrevLoop = this;
  cosm_loops = this;
}

Loop::~Loop() {
  {
    std::lock_guard<std::mutex> Lock(LoopsMutex);
    (PrevLoop ? PrevLoop->NextLoop : cosm_loops) = NextLoop;
    if (NextLoop)
      NextLoop->PrevLoop = PrevLoop;
  }
  if (!Closed && !Running)
    close();
  ::close(WakeFd);
  ::close(EpollFd);
}

void Loop::postThreadsafe(std::unique_ptr<detail::ThreadCallback> Cb) {
  {
    std::lock_guard<std::mutex> G(Threadsafe->M);
    if (Threadsafe->Closed)
      throw RuntimeError("Event loop is closed");
    Threadsafe->Items.push_back(std::move(Cb));
    ThreadsafePending.store(true, std::memory_order_release);
  }
  std::uint64_t One = 1;
  // EAGAIN (the counter is saturated) still leaves the loop woken.
  [[maybe_unused]] ssize_t N = ::write(WakeFd, &One, sizeof One);
}

void Loop::drainThreadsafe() {
  if (!ThreadsafePending.load(std::memory_order_acquire))
    return;
  std::vector<std::unique_ptr<detail::ThreadCallback>> Items;
  {
    std::lock_guard<std::mutex> G(Threadsafe->M);
    Items.swap(Threadsafe->Items);
    ThreadsafePending.store(false, std::memory_order_relaxed);
  }
  // asyncio appends them to _ready as they come: before this pass's timers.
  for (auto &Cb : Items)
    Ready.push({&ThreadCallbackOps, Cb.release(), nullptr});
}

void Loop::addWatcher(int Fd, bool Write, detail::HandleImpl *H) {
  detail::Ref<detail::HandleImpl> Owned(H);
  checkOpen();
  if (!Watches)
    Watches = std::make_unique<std::unordered_map<int, FdWatch>>();
  auto [It, New] = Watches->try_emplace(Fd);
  FdWatch &W = It->second;
  detail::Ref<detail::HandleImpl> &Slot = Write ? W.Writer : W.Reader;
  epoll_event Ev{};
  Ev.events = ((W.Reader || !Write) ? EPOLLIN : 0u) |
              ((W.Writer || Write) ? EPOLLOUT : 0u);
  Ev.data.fd = Fd;
  if (::epoll_ctl(EpollFd, New ? EPOLL_CTL_ADD : EPOLL_CTL_MOD, Fd, &Ev) != 0) {
    int Err = errno;
    if (New)
      Watches->erase(It);
    throw OSError(Err, std::strerror(Err));
  }
  if (New)
    ++IoWatchers;
  if (Slot)
    Handle(Slot.get()).cancel();
  Slot = std::move(Owned);
}

bool Loop::removeWatcher(int Fd, bool Write) {
  if (!Watches || Closed)
    return false;
  auto It = Watches->find(Fd);
  if (It == Watches->end())
    return false;
  FdWatch &W = It->second;
  detail::Ref<detail::HandleImpl> &Slot = Write ? W.Writer : W.Reader;
  if (!Slot)
    return false;
  Handle(Slot.get()).cancel();
  Slot.reset();
  if (!W.Reader && !W.Writer) {
    // The fd may already be closed: then the kernel dropped it already.
    ::epoll_ctl(EpollFd, EPOLL_CTL_DEL, Fd, nullptr);
    Watches->erase(It);
    --IoWatchers;
  } else {
    epoll_event Ev{};
    Ev.events = W.Reader ? EPOLLIN : EPOLLOUT;
    Ev.data.fd = Fd;
    ::epoll_ctl(EpollFd, EPOLL_CTL_MOD, Fd, &Ev);
  }
  return true;
}

void Loop::submitJob(std::unique_ptr<detail::ThreadCallback> Job) {
  checkOpen();
  if (!DefaultExecutor)
    DefaultExecutor = std::make_unique<detail::Executor>();
  DefaultExecutor->submit(std::move(Job));
}

double Loop::time() const noexcept {
  timespec Now;
  ::clock_gettime(CLOCK_MONOTONIC, &Now);
  return double(Now.tv_sec) + double(Now.tv_nsec) * 1e-9;
}

void Loop::checkOpen() const {
  if (Closed)
    throw RuntimeError("Event loop is closed");
}

namespace {
/// asyncio's _check_thread, which call_soon and call_at run in debug mode
/// only: RunningLoop is thread-local, so another thread sees it unset.
void checkThread(const Loop *L, bool Debug, bool Running) {
  if (Debug && Running && RunningLoop != L)
    throw RuntimeError("Non-thread-safe operation invoked on an event loop "
                       "other than the current one");
}
} // namespace

void Loop::scheduleSoon(detail::HandleImpl *H) {
  checkOpen();
  checkThread(this, Debug, Running);
  H->retain();
  Ready.push({&detail::HandleImpl::Ops, H, nullptr});
}

void Loop::scheduleTimer(detail::HandleImpl *H, double When) {
  checkOpen();
  checkThread(this, Debug, Running);
  H->When = When;
  H->IsTimer = true;
  H->Scheduled = true;
  H->retain();
  detail::timer_heap::push(Scheduled, H);
}

void Loop::checkCanRun() const {
  checkOpen();
  if (Running)
    throw RuntimeError("This event loop is already running");
  if (RunningLoop)
    throw RuntimeError(
        "Cannot run the event loop while another loop is running");
}

void Loop::set_trace_file(std::string Path) {
  checkOpen();
  if (Running || Passes != 0)
    throw RuntimeError("set_trace_file() must be called before the loop "
                       "first runs");
  if (Path == TracePath && (Trace || Path.empty()))
    return;
  std::unique_ptr<detail::Tracer> Next;
  if (!Path.empty())
    Next = std::make_unique<detail::Tracer>(Path);
  Trace = std::move(Next);
  TracePath = std::move(Path);
}

void Loop::run_forever() {
  checkCanRun();
  if (!TracePath.empty() && !Trace)
    Trace = std::make_unique<detail::Tracer>(TracePath);
  struct Guard {
    Loop &L;
    ~Guard() {
      L.Stopping = false;
      L.Running = false;
      RunningLoop = nullptr;
      detail::pool_activate(false);
    }
  } G{*this};
  Running = true;
  RunningLoop = this;
  detail::pool_activate(true);
  for (;;) {
    runOnce();
    if (Stopping)
      break;
  }
}

void Loop::runUntilDone(detail::FutureBase &F) {
  checkCanRun();
  if (F.boundElsewhere(*this))
    throw RuntimeError("The future belongs to a different loop than the one "
                       "asked to run until it completes");
  F.bindTo(*this);
  F.addDoneCallback(&StopOps, this);
  try {
    run_forever();
  } catch (...) {
    F.removeDoneCallback(&StopOps, this);
    throw;
  }
  F.removeDoneCallback(&StopOps, this);
  if (!F.done())
    throw RuntimeError("Event loop stopped before Future completed.");
}

void Loop::runOnce() {
  ++Passes;
  // Each phase is tested here before it is called: a pass of a loop that
  // only runs callbacks (a yield, a wake-up) makes no call but runReady's.
  if (TimerCancelledCount != 0)
    dropCancelledTimers();
  if (ThreadsafePending.load(std::memory_order_acquire))
    drainThreadsafe();
  bool Busy = !Ready.empty() || Stopping;
  if (!Busy || IoWatchers != 0)
    pollIo(Busy ? 0 : pollTimeout());
  if (ThreadsafePending.load(std::memory_order_acquire))
    drainThreadsafe();
  if (Signals)
    pollSignals();
  if (!Scheduled.empty())
    moveDueTimers();
  runReady(Ready.size());
}

void Loop::dropCancelledTimers() {
  std::size_t Count = Scheduled.size();
  if (Count > MinScheduledForCleanup && TimerCancelledCount * 2 > Count) {
    // Many cancelled timers: rebuild the heap without them.
    std::size_t Kept = 0;
    for (const detail::TimerEntry &E : Scheduled) {
      if (!E.H->Cancelled) {
        Scheduled[Kept++] = E;
        continue;
      }
      E.H->Scheduled = false;
      E.H->release();
    }
    Scheduled.resize(Kept);
    detail::timer_heap::heapify(Scheduled);
    TimerCancelledCount = 0;
    return;
  }
  while (!Scheduled.empty() && Scheduled.front().H->Cancelled) {
    --TimerCancelledCount;
    detail::HandleImpl *H = detail::timer_heap::pop(Scheduled);
    H->Scheduled = false;
    H->release();
  }
}

double Loop::pollTimeout() const {
  if (!Ready.empty() || Stopping)
    return 0;
  if (Scheduled.empty())
    return -1;
  // min(max(0, when - time()), MAXIMUM_SELECT_TIMEOUT), written so that a
  // NaN deadline gives 0 as Python's max(0, nan) does, and an infinite one
  // the one-day cap: the result always fits epoll's int milliseconds.
  double Wait = Scheduled.front().When - time();
  if (!(Wait > 0))
    return 0;
  return Wait < MaxSelectTimeout ? Wait : MaxSelectTimeout;
}

void Loop::pollIo(double Timeout) {
  // Nothing to wait for and nothing to learn: skip the syscall.
  if (Timeout == 0 && IoWatchers == 0)
    return;
  // Round up to whole milliseconds as CPython's epoll does, so the loop
  // never wakes just before the timer it waits for.
  int Ms = Timeout < 0 ? -1 : int(std::ceil(Timeout * 1e3));
  epoll_event Events[64];
  int N = ::epoll_wait(EpollFd, Events, 64, Ms);
  for (int I = 0; I < N; ++I) {
    int Fd = Events[I].data.fd;
    if (Fd == WakeFd) {
      // Another thread woke the loop; what it queued is drained next.
      std::uint64_t Count;
      [[maybe_unused]] ssize_t R = ::read(WakeFd, &Count, sizeof Count);
      continue;
    }
    // asyncio's _process_events, with selectors' epoll mapping: a hang-up
    // or an error wakes both the reader and the writer.
    std::uint32_t E = Events[I].events;
    if (!Watches)
      continue;
    bool Readable = E & ~std::uint32_t(EPOLLOUT);
    bool Writable = E & ~std::uint32_t(EPOLLIN);
    for (int Write = 0; Write < 2; ++Write) {
      if (!(Write ? Writable : Readable))
        continue;
      auto Wt = Watches->find(Fd); // a removal above may have erased it
      if (Wt == Watches->end())
        break;
      detail::HandleImpl *H =
          (Write ? Wt->second.Writer : Wt->second.Reader).get();
      if (!H)
        continue;
      if (H->Cancelled) {
        removeWatcher(Fd, Write);
        continue;
      }
      H->retain();
      Ready.push({&detail::HandleImpl::Ops, H, nullptr});
    }
  }
}

void Loop::moveDueTimers() {
  if (Scheduled.empty())
    return;
  double End = time() + ClockResolution;
  while (!Scheduled.empty()) {
    // asyncio's `if handle._when >= end_time: break`: a NaN deadline is due.
    if (Scheduled.front().When >= End)
      break;
    detail::HandleImpl *H = detail::timer_heap::pop(Scheduled);
    H->Scheduled = false;
    // The heap's reference moves to the ready queue.
    Ready.push({&detail::HandleImpl::Ops, H, nullptr});
  }
}

void Loop::runReady(std::size_t NTodo) {
  // The one place where callbacks run.
  for (std::size_t I = 0; I != NTodo; ++I) {
    detail::ReadyItem Item = Ready.pop();
    try {
      if (Debug ? runDebug(Item) : runItem(Item))
        continue; // the item's reference went to the task's next step
    } catch (...) {
      releaseItem(Item); // KeyboardInterrupt leaves the loop
      throw;
    }
    releaseItem(Item);
  }
}

bool Loop::runDebug(const detail::ReadyItem &Item) {
  double Start = time();
  bool HandedOver = runItem(Item);
  double Took = time() - Start;
  if (Took < slow_callback_duration)
    return HandedOver;
  char Buf[32];
  std::snprintf(Buf, sizeof Buf, "%.3f", Took);
  std::string Text =
      "Executing " + Item.Ops->Describe(Item.Obj) + " took " + Buf + " seconds";
  // A task's step that suspended: where the task waits now, and who waits
  // for it.
  if ((Item.Ops == &detail::TaskBase::StepOps ||
       Item.Ops == &detail::TaskBase::WakeupOps) &&
      !static_cast<detail::TaskBase *>(Item.Obj)->done())
    Text += "\n" +
            detail::callGraphText(*static_cast<detail::TaskBase *>(Item.Obj));
  detail::logError(Text);
  return HandedOver;
}

void Loop::close() {
  if (Running)
    throw RuntimeError("Cannot close a running event loop");
  if (Closed)
    return;
  // Workers may still post results: let them finish first (asyncio's
  // shutdown_default_executor; its close() does not wait). Jobs that have
  // not started are dropped.
  if (DefaultExecutor)
    DefaultExecutor->shutdown();
  Closed = true;
  {
    std::lock_guard<std::mutex> G(Threadsafe->M);
    Threadsafe->Closed = true;
  }
  drainThreadsafe();
  // Releasing a callback can destroy a task, whose frame's destructors may
  // queue more: drain until empty.
  while (!Ready.empty())
    releaseItem(Ready.pop());
  for (const detail::TimerEntry &E : Scheduled) {
    E.H->Scheduled = false;
    E.H->release();
  }
  Scheduled.clear();
  TimerCancelledCount = 0;
  if (Watches) {
    for (auto &[Fd, W] : *Watches)
      ::epoll_ctl(EpollFd, EPOLL_CTL_DEL, Fd, nullptr);
    Watches.reset();
    IoWatchers = 0;
  }
  // Nothing can run these tasks again: destroy their frames now, which also
  // breaks the task <-> future reference cycles that would otherwise leak.
  while (TasksHead) {
    detail::Ref<detail::TaskBase> Task(TasksHead);
    Task->abandon();
  }
  while (!Ready.empty())
    releaseItem(Ready.pop());
  if (Trace)
    Trace->flush();
  if (Signals)
    closeSignals();
}

std::vector<AnyTask> Loop::all_tasks() const {
  std::vector<AnyTask> Tasks;
  for (detail::TaskBase *T = TasksHead; T; T = T->NextInLoop)
    Tasks.emplace_back(T);
  return Tasks;
}

} // namespace cosm
