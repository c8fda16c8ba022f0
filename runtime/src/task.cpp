//===- task.cpp - Tasks ---------------------------------------------------===//
///
/// \file
/// TaskBase::step is asyncio's Task.__step: the one place that decides what
/// each kind of suspension means. A frame suspends in one of three ways:
///   - after suspend_on(f): the task waits for f's done callback (wake-up);
///   - after suspend_on() reported misuse: the next step throws the error at
///     the await, one pass later, as asyncio's call_soon(__step, exc);
///   - with nothing registered (bare yield): the next step is call_soon'd.
///
//===----------------------------------------------------------------------===//
#include "cosm/task.hpp"

#include "cosm/graph.hpp"
#include "cosm/loop.hpp"
#include "debug.hpp"
#include "task_numbers.hpp"
#include "trace.hpp"

#include <atomic>

namespace cosm {
namespace detail {

__thread TaskBase *CurrentTask = nullptr;

std::uint64_t nextTaskNumber() noexcept {
  static std::atomic<std::uint64_t> Counter{0};
  return ++Counter;
}

namespace {

void runStep(void *Obj, FutureBase *) { static_cast<TaskBase *>(Obj)->step(); }
void runWakeup(void *Obj, FutureBase *Fut) {
  // asyncio's __wakeup reads the future's result, which marks its exception
  // retrieved even when the step then throws a cancellation instead.
  Fut->markRetrieved();
  auto *Task = static_cast<TaskBase *>(Obj);
  // A pending cancel with a cancelled future: __step throws the future's
  // CancelledError (its message), not a new one. Taking it here uses it up
  // as __wakeup's result() call does.
  if (Task->mustCancel() && Fut->cancelled() && !Task->done())
    Task->WakeupCancel = Fut->makeCancelledError();
  Task->step();
}
void releaseTask(void *Obj) noexcept {
  static_cast<TaskBase *>(Obj)->release();
}
std::string describeTask(const void *Obj) {
  return static_cast<const TaskBase *>(Obj)->describe();
}
} // namespace

const CallbackOps TaskBase::StepOps{&runStep, &releaseTask, &describeTask};
const CallbackOps TaskBase::WakeupOps{&runWakeup, &releaseTask, &describeTask};

TaskBase::TaskBase(Loop &Lp, std::string TaskName, const char *Coro,
                   SourceLoc Loc)
    : FutureBase(&Lp, Loc), CoroName(Coro) {
  setName(std::move(TaskName));
  Lp.checkOpen();
  IsTask = true;
  // CPython 3.11 takes a number for every task, named or not.
  Number = nextTaskNumber();
  PrevInLoop = Lp.TasksTail;
  (PrevInLoop ? PrevInLoop->NextInLoop : Lp.TasksHead) = this;
  Lp.TasksTail = this;
  InLoopList = true;
}

TaskBase::~TaskBase() {
  if (LogTraceback && Exc) {
    logError("Task exception was never retrieved\nfuture: " + describe());
    LogTraceback = false;
  }
  unlinkFromLoop();
}

void TaskBase::unlinkFromLoop() noexcept {
  if (!InLoopList)
    return;
  InLoopList = false;
  (PrevInLoop ? PrevInLoop->NextInLoop : L->TasksHead) = NextInLoop;
  (NextInLoop ? NextInLoop->PrevInLoop : L->TasksTail) = PrevInLoop;
  PrevInLoop = NextInLoop = nullptr;
}

std::string TaskBase::name() const {
  return Name ? *Name : "Task-" + std::to_string(Number);
}

void TaskBase::setName(std::string N) { assign_or_clear(Name, std::move(N)); }

std::string TaskBase::describe() const {
  std::string S = std::string("<Task ") + stateName() + " name='" + name() +
                  "' coro=<" + CoroName + "()>";
  if (St == State::Finished && Exc)
    S += " exception=" + describeException(Exc);
  if (FutWaiter)
    S += " wait_for=" + FutWaiter->describe();
  return S + detail::createdAt(Loc) + ">";
}

void TaskBase::reportDestroyedPending() noexcept {
  if (St != State::Pending || !LogDestroyPending)
    return;
  try {
    std::string Text =
        "Task was destroyed but it is pending!\ntask: " + describe();
    // Debug mode: where it was waiting, and who waited for it.
    if (L && L->get_debug())
      Text += "\n" + callGraphText(*this);
    logError(Text);
  } catch (...) {
  }
}

void TaskBase::start() {
  if (L->Trace)
    L->Trace->taskCreated(*this);
  retain();
  L->pushReady({&StepOps, this, nullptr});
}

void TaskBase::abandon() noexcept {
  unlinkFromLoop();
  if (St == State::Pending) {
    // The task is as good as destroyed: say so before its frame goes, as
    // CPython does when it collects a pending task.
    reportDestroyedPending();
    LogDestroyPending = false;
  }
  FutWaiter.reset();
  PendingError = nullptr;
  ResumeError = nullptr;
  clearAwaiters();
  dropRoot();
}

bool TaskBase::cancelWith(std::string Msg) {
  LogTraceback = false;
  if (done())
    return false;
  ++NumCancelsRequested;
  // The awaited future (or task) may refuse; FutWaiter stays set either way,
  // since a task that swallows the cancellation may need cancelling again.
  if (FutWaiter && FutWaiter->cancel(Msg))
    return true;
  MustCancel = true;
  setCancelMessage(std::move(Msg));
  return true;
}

void TaskBase::step() {
  if (done())
    return;
  if (L->Trace)
    return L->Trace->step(*this);
  stepUntraced();
}

bool TaskBase::stepQueued() {
  // Anything to throw into the frame, a wait to forget or a trace to keep
  // takes the general path; a task that only yields takes this one.
  if (L->Trace || MustCancel || PendingError || WakeupCancel || FutWaiter) {
    step();
    return false;
  }
  if (done())
    return false;
  TaskBase *Outer = std::exchange(CurrentTask, this);
  Step S = stepRoot();
  CurrentTask = Outer;
  if (S == Step::Suspended && !PendingError && !FutWaiter) {
    // A bare yield: the next pass steps again (finishStep's last branch,
    // without a retain() here and a release() in the loop).
    L->pushReady({&StepOps, this, nullptr});
    return true;
  }
  finishStep(S);
  return false;
}

void TaskBase::stepUntraced() {
  OnResume = Resume::Normal;
  if (MustCancel) {
    MustCancel = false;
    PendingError = nullptr;
    OnResume = Resume::ThrowCancel;
    // __step's `exc = self._make_cancelled_error()` unless the wake-up
    // brought a CancelledError already.
    ResumeError = WakeupCancel ? std::exchange(WakeupCancel, nullptr)
                               : makeCancelledError();
  } else if (PendingError) {
    ResumeError = std::exchange(PendingError, nullptr);
    OnResume = Resume::ThrowError;
  }
  FutWaiter.reset();

  WakeupCancel = nullptr;

  if (OnResume == Resume::ThrowCancel && !rootStarted()) {
    // CancelledError thrown into a coroutine that never ran: the body never
    // runs, and it was not "never awaited". The coroutine re-raises it, so
    // the task keeps it as its own (_cancelled_exc).
    OnResume = Resume::Normal;
    CancelledExc = std::exchange(ResumeError, nullptr);
    closeRoot();
    cancelFuture();
    unlinkFromLoop();
    return;
  }

  TaskBase *Outer = std::exchange(CurrentTask, this);
  Step S = stepRoot();
  CurrentTask = Outer;
  finishStep(S);
}

void TaskBase::finishStep(Step S) {
  Resume Unconsumed = std::exchange(OnResume, Resume::Normal);
  ResumeError = nullptr;
  if (S == Step::Done) {
    try {
      takeRootResult();
      if (MustCancel) {
        // Cancelled during its last step: the result is dropped.
        MustCancel = false;
        cancelFuture(cancelMessage());
      } else {
        finishWithValue();
      }
    } catch (const CancelledError &) {
      // asyncio keeps the exception (_cancelled_exc) for its first reader
      // and cancels with no message.
      CancelledExc = std::current_exception();
      cancelFuture();
    } catch (...) {
      setException(std::current_exception());
    }
    unlinkFromLoop();
    return;
  }

  // A frame that suspends without reaching resume_point() must not lose a
  // cancellation request.
  if (Unconsumed == Resume::ThrowCancel)
    MustCancel = true;
  if (PendingError || !FutWaiter) {
    // Misuse to report at the await, or a bare yield: step again next pass.
    retain();
    L->pushReady({&StepOps, this, nullptr});
    return;
  }
  // __step's `self._fut_waiter.cancel(msg=self._cancel_message)`: a task
  // that cancelled itself passes its message on to what it now awaits.
  if (MustCancel && FutWaiter->cancel(cancelMessage()))
    MustCancel = false;
}

Step suspendOn(FutureBase &Awaited) {
  TaskBase *Task = CurrentTask;
  if (!Task)
    throw RuntimeError("cosm::suspend_on() called outside a task's step");
  if (Awaited.boundElsewhere(*Task->loop())) {
    Task->PendingError = std::make_exception_ptr(
        RuntimeError("Task " + Task->describe() + " got Future " +
                     Awaited.describe() + " attached to a different loop"));
    return Step::Suspended;
  }
  if (&Awaited == Task) {
    Task->PendingError = std::make_exception_ptr(
        RuntimeError("Task cannot await on itself: " + Task->describe()));
    return Step::Suspended;
  }
  Awaited.bindTo(*Task->loop());
  Task->retain();
  Awaited.addDoneCallback(&TaskBase::WakeupOps, Task);
  Task->FutWaiter = &Awaited;
  Awaited.addAwaiter(*Task);
  return Step::Suspended;
}

void throwResumeError(TaskBase &Task) {
  Task.OnResume = TaskBase::Resume::Normal;
  std::rethrow_exception(std::exchange(Task.ResumeError, nullptr));
}

} // namespace detail

AnyTask current_task() {
  detail::runningLoop();
  return AnyTask(detail::CurrentTask);
}

std::vector<AnyTask> all_tasks() { return detail::runningLoop().all_tasks(); }

} // namespace cosm
