//===- cosm/taskgroup.hpp - cosm::TaskGroup --------------------*- C++ -*-===//
///
/// \file
/// asyncio.TaskGroup (3.11). C++ has no `async with`, so the group is
/// entered when it is constructed (inside a task: asyncio's __aenter__ never
/// yields) and left by awaiting one of its exits (__aexit__):
///
///     async with asyncio.TaskGroup() as tg:      cosm::TaskGroup tg;
///         tg.create_task(a())                    tg.create_task(a());
///         tg.create_task(b())                    tg.create_task(b());
///                                                cosm::await(tg.wait());
///
/// - `wait()`: __aexit__ with no exception: waits for every child.
/// - `wait(std::exception_ptr e)`: __aexit__ for a body that raised e
///   (cancels the children first). Returns normally only when e was a
///   CancelledError that the group itself caused (then it is swallowed).
/// - `run(body)`: `async with TaskGroup() as tg: return await body` where the
///   body coroutine was given the group: awaits body inline, then exits with
///   its exception, if any. This is the faithful form of a body that awaits.
///
/// A child that fails cancels its siblings and (once) the task that entered
/// the group; the exit then raises cosm::ExceptionGroup holding every
/// child's error in the order they failed (asyncio raises ExceptionGroup /
/// BaseExceptionGroup). If there were no errors but the parent task was
/// cancelled from outside, the exit raises CancelledError.
///
/// Difference from asyncio: siblings are cancelled in creation order
/// (asyncio iterates a set: unspecified order).
///
//===----------------------------------------------------------------------===//
#ifndef COSM_TASKGROUP_HPP
#define COSM_TASKGROUP_HPP

#include "cosm/errors.hpp"
#include "cosm/frame.hpp"
#include "cosm/future.hpp"
#include "cosm/loop.hpp"
#include "cosm/task.hpp"

#include <exception>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

namespace cosm {
namespace detail {

struct TaskGroupState : RefCounted {
  Loop *L = nullptr;
  Ref<TaskBase> Parent;
  bool Exiting = false;
  bool Exited = false;
  bool Aborting = false;
  bool ParentCancelRequested = false;
  /// Children not done yet, in creation order (asyncio's _tasks set).
  std::vector<Ref<TaskBase>> Tasks;
  std::vector<std::exception_ptr> Errors;
  Ref<FutureImpl<bool>> OnCompleted;

  void checkCanCreate() const;
  void adopt(TaskBase &T);
  void abort();
  static const CallbackOps TaskDoneOps;
};

Coro<void> taskGroupExit(const Ref<TaskGroupState> &S, std::exception_ptr E);

/// `async with tg: return await body`, the body awaited inline.
template <class T> class TaskGroupRunFrame final : public Frame<T> {
public:
  TaskGroupRunFrame(Ref<TaskGroupState> S, Coro<T> Body)
      : S(std::move(S)), child_1(std::move(Body)) {}
  ~TaskGroupRunFrame() override { unwind(); }

  Step resume() override {
    switch (this->state) {
    case 1:
      goto resume_1;
    case 2:
      goto resume_2;
    default:
      break;
    }
  resume_1:
    if (child_1.step() == Step::Suspended) {
      this->state = 1;
      return Step::Suspended;
    }
    {
      std::exception_ptr Error;
      try {
        if constexpr (std::is_void_v<T>)
          child_1.take_result();
        else
          Value.emplace(child_1.take_result());
      } catch (...) {
        Error = std::current_exception();
      }
      child_2 = taskGroupExit(S, std::move(Error));
    }
  resume_2:
    if (child_2.step() == Step::Suspended) {
      this->state = 2;
      return Step::Suspended;
    }
    child_2.take_result();
    if constexpr (!std::is_void_v<T>)
      this->return_value(std::move(*Value));
    return this->finish();
  }
  void unwind() noexcept override {
    child_2 = {};
    child_1 = {};
  }
  const char *function_name() const noexcept override {
    return "TaskGroup.run";
  }
  const FrameBase *awaited_frame() const noexcept override {
    return active_child(child_1, child_2);
  }

private:
  using Stored = std::conditional_t<std::is_void_v<T>, char, T>;
  Ref<TaskGroupState> S;
  Coro<T> child_1;
  Coro<void> child_2;
  std::optional<Stored> Value;
};

} // namespace detail

/// A shared handle to a task group (copies refer to the same group, so a
/// child may be given the group to add siblings).
class TaskGroup {
public:
  /// Enters the group: RuntimeError unless called inside a task.
  TaskGroup();

  /// Creates a child task (asyncio TaskGroup.create_task). RuntimeError if
  /// the group is finished or shutting down.
  template <class T>
  Task<T> create_task(Coro<T> C, std::string Name = {},
                      detail::SourceLoc Loc = detail::SourceLoc::current()) {
    S->checkCanCreate();
    Task<T> Tk = detail::makeTask(*S->L, std::move(C), std::move(Name), Loc);
    S->adopt(*Tk.impl());
    return Tk;
  }

  /// __aexit__ of a body that ended normally: waits for every child; raises
  /// ExceptionGroup if any failed, CancelledError if the parent was
  /// cancelled from outside.
  Coro<void> wait() const { return detail::taskGroupExit(S, nullptr); }
  /// __aexit__ of a body that raised BodyError.
  Coro<void> wait(std::exception_ptr BodyError) const {
    return detail::taskGroupExit(S, std::move(BodyError));
  }
  /// Awaits Body inline, then exits the group with its outcome; returns
  /// Body's result.
  template <class T> Coro<T> run(Coro<T> Body) const {
    return Coro<T>::template make_awaited<detail::TaskGroupRunFrame<T>>(
        S, std::move(Body));
  }

private:
  detail::Ref<detail::TaskGroupState> S;
};

} // namespace cosm

#endif // COSM_TASKGROUP_HPP
