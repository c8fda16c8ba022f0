//===- cosm/task.hpp - Tasks -----------------------------------*- C++ -*-===//
///
/// \file
/// cosm::Task<T>, asyncio.Task for C++: a future that drives a coroutine's
/// root frame, one step per callback (tasks.py __step/__wakeup), plus the
/// runtime calls generated code makes at suspension points (suspend_on,
/// resume_point; see docs/frame-protocol.md).
///
/// Differences from asyncio.Task, on purpose:
/// - A cancellation or an error is not thrown into the coroutine by the task:
///   the frame throws it itself, from resume_point() or from the awaited
///   future's result(), at the same await and in the same pass.
/// - No contexts.
///
//===----------------------------------------------------------------------===//
#ifndef COSM_TASK_HPP
#define COSM_TASK_HPP

#include "cosm/frame.hpp"
#include "cosm/future.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace cosm {

template <class T> class Task;
class AnyTask;

namespace detail {

class Tracer;

/// The untyped part of a task. The root coroutine and the value live in
/// TaskImpl<T>.
class TaskBase : public FutureBase {
public:
  /// asyncio's Task.cancel(msg): cancels what the task waits on, or makes
  /// its next step throw CancelledError(Msg). False if the task is done.
  bool cancelWith(std::string Msg) override;
  /// "Task-N" (numbered per process, as asyncio), or the name given.
  std::string name() const;
  /// asyncio's set_name(); "" goes back to "Task-N".
  void setName(std::string N);
  /// The task's number, unique in the process (the N of "Task-N").
  std::uint64_t number() const noexcept { return Number; }
  int cancelling() const noexcept { return NumCancelsRequested; }
  int uncancel() noexcept {
    if (NumCancelsRequested > 0)
      --NumCancelsRequested;
    return NumCancelsRequested;
  }
  std::string describe() const override;
  const char *coroName() const noexcept { return CoroName; }

  /// One step of the task (asyncio Task.__step). Runs only from the loop.
  void step();
  /// The loop's fast path for a queued step (StepOps): the same step, but a
  /// bare yield queues the next step with the reference the queued one
  /// held. True if it did so; false if the caller still owns the reference.
  bool stepQueued();
  /// Queues the first step (create_task).
  void start();
  /// Loop::close(): the task can never run again; its frame is destroyed
  /// now so that reference cycles through it are broken.
  void abandon() noexcept;

  /// Ready-queue operations: a step, and a wake-up by a completed future.
  static const CallbackOps StepOps;
  static const CallbackOps WakeupOps;

  /// The loop's list of pending tasks (asyncio's all_tasks()).
  TaskBase *PrevInLoop = nullptr;
  TaskBase *NextInLoop = nullptr;
  bool InLoopList = false;
  /// Report "Task was destroyed but it is pending!" (false for the tasks
  /// run_until_complete and gather make themselves, as asyncio).
  bool LogDestroyPending = true;

  /// Why the next resume_point() must throw.
  enum class Resume : unsigned char { Normal, ThrowCancel, ThrowError };
  Resume OnResume = Resume::Normal;
  /// A misuse error suspend_on() recorded in this step, to throw next step.
  std::exception_ptr PendingError;
  /// The error resume_point() throws (ThrowCancel, ThrowError).
  std::exception_ptr ResumeError;
  /// The CancelledError of the cancelled future whose wake-up starts a step
  /// that must cancel (__wakeup's `future.result()`).
  std::exception_ptr WakeupCancel;
  bool mustCancel() const noexcept { return MustCancel; }
  /// What the task is blocked on (asyncio _fut_waiter).
  Ref<FutureBase> FutWaiter;

protected:
  TaskBase(Loop &L, std::string Name, const char *CoroName, SourceLoc Loc);
  ~TaskBase() override;
  /// Called first thing by the most-derived destructor, before the frame
  /// goes, so the report precedes any never-awaited warning (as in CPython).
  void reportDestroyedPending() noexcept;

  virtual Step stepRoot() = 0;
  /// After stepRoot() reported Done: stores the value or rethrows.
  virtual void takeRootResult() = 0;
  /// Destroys the frame without a never-awaited report.
  virtual void closeRoot() noexcept = 0;
  /// Destroys the frame, reporting it if it never started.
  virtual void dropRoot() noexcept = 0;
  virtual bool rootStarted() const noexcept = 0;

public:
  /// The root frame (null once the task is done): where capture_call_graph()
  /// starts its walk.
  virtual const FrameBase *rootFrame() const noexcept = 0;

protected:
private:
  friend class Tracer;
  /// step() without the trace.
  void stepUntraced();
  void unlinkFromLoop() noexcept;
  void finishStep(Step S);

  /// Null for "Task-N": most tasks are never named, and a parked task
  /// should not carry an empty std::string.
  std::unique_ptr<std::string> Name;
  std::uint64_t Number = 0;
  const char *CoroName;
  int NumCancelsRequested = 0;
  bool MustCancel = false;

protected:
  /// The size, in BlockAlign units, of the block the task shares with its
  /// root frame (0: the task has a block of its own).
  std::uint16_t BlockGranules = 0;
};

template <class T> class TaskImpl final : public TaskBase {
public:
  TaskImpl(Loop &L, Coro<T> C, std::string Name, SourceLoc Loc)
      : TaskBase(L, std::move(Name), C.frame()->function_name(), Loc),
        Root(std::move(C)) {}
  ~TaskImpl() override { reportDestroyedPending(); }

  /// create_task(): a task in the room Coro::make left after its frame (one
  /// allocation for both), or in a block of its own.
  static TaskImpl *make(Loop &L, Coro<T> C, std::string Name, SourceLoc Loc) {
    FrameBase *Fr = C.frame();
    if (Fr->frame_storage != FrameStorage::TaskRoom)
      return new TaskImpl(L, std::move(C), std::move(Name), Loc);
    std::uint16_t Granules = Fr->frame_granules;
    auto *Room = reinterpret_cast<unsigned char *>(Fr) + Granules * BlockAlign -
                 roundToBlock(sizeof(TaskImpl));
    // If the constructor throws, C still owns the frame and frees the block.
    auto *Task = new (Room) TaskImpl(L, std::move(C), std::move(Name), Loc);
    Fr->frame_storage = FrameStorage::InTask;
    Task->BlockGranules = Granules;
    return Task;
  }

  ResultRef<T> result() {
    if (St != State::Finished || Exc)
      checkResult();
    return Value.get();
  }
  /// Moves the value out (for owners that are its only reader).
  T takeResult() {
    result();
    return Value.take();
  }

private:
  void deleteSelf() const noexcept override {
    if (!BlockGranules)
      return delete this;
    // The block starts with the root frame, gone already (~TaskImpl
    // destroys Root, and the frame's memory is the task's to free).
    std::size_t Size = BlockGranules * BlockAlign;
    auto *Block = reinterpret_cast<const unsigned char *>(this) -
                  (Size - roundToBlock(sizeof(TaskImpl)));
    this->~TaskImpl();
    pool_deallocate(const_cast<unsigned char *>(Block), Size);
  }

  // The root frame may hold the last reference to its own task (a local
  // Task handle): a task destroying its frame keeps itself alive meanwhile,
  // since the frame's memory is the task's.
  Step stepRoot() override { return Root.step(); }
  void takeRootResult() override {
    Ref<TaskImpl> Keep(this);
    if constexpr (std::is_void_v<T>)
      Root.take_result();
    else
      Value.set(Root.take_result());
  }
  void closeRoot() noexcept override {
    Ref<TaskImpl> Keep(this);
    Root.close();
  }
  void dropRoot() noexcept override {
    Ref<TaskImpl> Keep(this);
    Root = Coro<T>();
  }
  bool rootStarted() const noexcept override {
    return Root && Root.frame()->started;
  }
  const FrameBase *rootFrame() const noexcept override { return Root.frame(); }

  Coro<T> Root;
  Slot<T> Value;
};

Loop &runningLoop();
Step suspendOn(FutureBase &Awaited);
/// The task whose step is running in this thread (asyncio's _current_tasks),
/// or null. `__thread`, not an extern `thread_local`, so that resume_point()
/// reads it inline, without a call to a TLS wrapper.
extern __thread TaskBase *CurrentTask;
inline TaskBase *currentTaskOrNull() noexcept { return CurrentTask; }
/// resume_point()'s slow path: throws the task's ResumeError.
[[noreturn]] void throwResumeError(TaskBase &Task);

template <class T>
Task<T> makeTask(Loop &L, Coro<T> C, std::string Name, SourceLoc Loc);

} // namespace detail

/// A shared handle to a task (asyncio.Task). Default-constructed handles are
/// empty; copies refer to the same task.
template <class T> class Task {
public:
  Task() noexcept = default;

  bool done() const noexcept { return Impl->done(); }
  bool cancelled() const noexcept { return Impl->cancelled(); }
  /// The value; rethrows the task's exception; CancelledError if cancelled;
  /// InvalidStateError if pending.
  detail::ResultRef<T> result() const { return Impl->result(); }
  std::exception_ptr exception() const { return Impl->exception(); }
  /// Requests cancellation (asyncio Task.cancel(msg)): the task, and who
  /// awaits it, see CancelledError(Msg). False if already done.
  bool cancel(std::string Msg = {}) const {
    return Impl->cancel(std::move(Msg));
  }
  int cancelling() const noexcept { return Impl->cancelling(); }
  int uncancel() const noexcept { return Impl->uncancel(); }
  std::string name() const { return Impl->name(); }
  /// asyncio's get_name() and set_name() ("" stands for no name: "Task-N").
  std::string get_name() const { return Impl->name(); }
  void set_name(std::string Name) const { Impl->setName(std::move(Name)); }
  /// asyncio's `task.get_coro().__qualname__`: the async function's name
  /// (cosm cannot hand out the coroutine itself: the task owns it), kept
  /// after the task is done.
  const char *get_coro_name() const noexcept { return Impl->coroName(); }

  /// Calls Fn(task) through call_soon once the task is done.
  template <class F> void add_done_callback(F Fn) const {
    using Box = detail::DoneCallbackBox<Task, detail::TaskImpl<T>, F>;
    Impl->addDoneCallback(&detail::BoxedDoneCallback<Box>::Ops,
                          new Box{std::move(Fn)});
  }
  /// asyncio's remove_done_callback(fn); see Future::remove_done_callback.
  template <class F> int remove_done_callback(F Fn) const {
    using Box = detail::DoneCallbackBox<Task, detail::TaskImpl<T>, F>;
    return Box::removeFrom(*Impl, Fn);
  }

  explicit operator bool() const noexcept { return bool(Impl); }
  bool operator==(const Task &O) const noexcept {
    return Impl.get() == O.Impl.get();
  }
  bool operator!=(const Task &O) const noexcept { return !(*this == O); }

  detail::TaskImpl<T> *impl() const noexcept { return Impl.get(); }

private:
  template <class, class, class> friend struct detail::DoneCallbackBox;
  template <class U>
  friend Task<U> detail::makeTask(Loop &, Coro<U>, std::string,
                                  detail::SourceLoc);
  explicit Task(detail::TaskImpl<T> *P) noexcept : Impl(P) {}
  detail::Ref<detail::TaskImpl<T>> Impl;
};

/// A task of any result type: what current_task() returns.
class AnyTask {
public:
  AnyTask() noexcept = default;
  template <class T> AnyTask(const Task<T> &T_) noexcept : Impl(T_.impl()) {}
  explicit AnyTask(detail::TaskBase *P) noexcept : Impl(P) {}

  bool done() const noexcept { return Impl->done(); }
  bool cancelled() const noexcept { return Impl->cancelled(); }
  bool cancel(std::string Msg = {}) const {
    return Impl->cancel(std::move(Msg));
  }
  std::exception_ptr exception() const { return Impl->exception(); }
  std::string name() const { return Impl->name(); }
  std::string get_name() const { return Impl->name(); }
  void set_name(std::string Name) const { Impl->setName(std::move(Name)); }
  const char *get_coro_name() const noexcept { return Impl->coroName(); }
  int cancelling() const noexcept { return Impl->cancelling(); }
  int uncancel() const noexcept { return Impl->uncancel(); }

  explicit operator bool() const noexcept { return bool(Impl); }
  bool operator==(const AnyTask &O) const noexcept {
    return Impl.get() == O.Impl.get();
  }
  bool operator!=(const AnyTask &O) const noexcept { return !(*this == O); }
  detail::TaskBase *impl() const noexcept { return Impl.get(); }

private:
  detail::Ref<detail::TaskBase> Impl;
};

namespace detail {
template <class T>
Task<T> makeTask(Loop &L, Coro<T> C, std::string Name, SourceLoc Loc) {
  if (!C)
    throw RuntimeError("create_task() got an empty Coro");
  Task<T> Tk(TaskImpl<T>::make(L, std::move(C), std::move(Name), Loc));
  Tk.impl()->start();
  return Tk;
}
} // namespace detail

/// Wraps a coroutine in a task of the running loop; its first step runs in
/// the next pass (call_soon). RuntimeError if no loop runs.
template <class T>
Task<T> create_task(Coro<T> C, std::string Name = {},
                    detail::SourceLoc Loc = detail::SourceLoc::current()) {
  return detail::makeTask(detail::runningLoop(), std::move(C), std::move(Name),
                          Loc);
}

/// The task whose step is running, or an empty handle inside a plain
/// callback. RuntimeError if no loop runs.
AnyTask current_task();

/// The pending tasks of the running loop, oldest first.
std::vector<AnyTask> all_tasks();

/// Generated code, at an await on a task or future that is not done: makes
/// the current task wait on it and returns Step::Suspended. Misuse (a task
/// awaiting itself, a future of another loop) is reported at the await on
/// the next step, as asyncio does.
template <class T> Step suspend_on(const Task<T> &Awaited) {
  return detail::suspendOn(*Awaited.impl());
}
template <class T> Step suspend_on(const Future<T> &Awaited) {
  return detail::suspendOn(*Awaited.impl());
}

/// Generated code, first thing after every resume label of a task/future
/// await or bare yield: throws CancelledError if the task was cancelled
/// while suspended and the cancellation could not travel through the awaited
/// future (asyncio _must_cancel), or the misuse error suspend_on recorded.
inline void resume_point() {
  detail::TaskBase *Task = detail::CurrentTask;
  if (Task && Task->OnResume != detail::TaskBase::Resume::Normal)
    detail::throwResumeError(*Task);
}

} // namespace cosm

#endif // COSM_TASK_HPP
