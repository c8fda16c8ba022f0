//===- taskgroup.cpp - cosm::TaskGroup ------------------------------------===//
///
/// \file
/// asyncio 3.11 taskgroups.py: create_task, _on_task_done, _abort and
/// __aexit__ (a hand-written frame).
///
//===----------------------------------------------------------------------===//
#include "cosm/taskgroup.hpp"

#include "debug.hpp"

#include <algorithm>

namespace cosm {
namespace detail {

namespace {
bool isCancelled(const std::exception_ptr &E) {
  if (!E)
    return false;
  try {
    std::rethrow_exception(E);
  } catch (const CancelledError &) {
    return true;
  } catch (...) {
    return false;
  }
}

// TaskGroup._on_task_done. Obj is the group (retained), Fut the child.
void onTaskDone(void *Obj, FutureBase *Fut) {
  auto *S = static_cast<TaskGroupState *>(Obj);
  auto It = std::find_if(S->Tasks.begin(), S->Tasks.end(),
                         [&](const Ref<TaskBase> &T) { return T.get() == Fut; });
  if (It != S->Tasks.end())
    S->Tasks.erase(It);
  if (S->OnCompleted && S->Tasks.empty() && !S->OnCompleted->done())
    S->OnCompleted->setResult(true);
  if (Fut->cancelled())
    return;
  std::exception_ptr Exc = Fut->exception();
  if (!Exc)
    return;
  S->Errors.push_back(Exc);
  if (S->Parent->done()) {
    logError("Task " + Fut->describe() +
             " has errored out but its parent task " + S->Parent->describe() +
             " is already completed");
    return;
  }
  if (!S->Aborting && !S->ParentCancelRequested) {
    S->abort();
    S->ParentCancelRequested = true;
    S->Parent->cancel();
  }
}
void releaseGroup(void *Obj) noexcept {
  static_cast<TaskGroupState *>(Obj)->release();
}
std::string describeGroup(const void *) {
  return "<TaskGroup._on_task_done>";
}

// async def __aexit__(self, et, exc, tb): see taskgroups.py.
class TaskGroupExitFrame final : public Frame<void> {
public:
  TaskGroupExitFrame(Ref<TaskGroupState> S, std::exception_ptr E)
      : S(std::move(S)), Exc(std::move(E)) {}

  Step resume() override {
    switch (state) {
    case 1:
      goto resume_1;
    default:
      break;
    }
    if (S->Exited && !S->Exiting)
      return finish();
    S->Exiting = true;
    if (isCancelled(Exc))
      PropagateCancel = Exc;
    if (S->ParentCancelRequested && S->Parent->uncancel() == 0)
      PropagateCancel = nullptr;
    if (Exc && !S->Aborting)
      S->abort();
    while (!S->Tasks.empty()) {
      if (!S->OnCompleted)
        S->OnCompleted = new FutureImpl<bool>(S->L, {"TaskGroup", 0});
      state = 1;
      return suspendOn(*S->OnCompleted);
    resume_1:
      try {
        resume_point();
        S->OnCompleted->result();
      } catch (const CancelledError &) {
        if (!S->Aborting) {
          PropagateCancel = std::current_exception();
          S->abort();
        }
      }
      S->OnCompleted.reset();
    }
    S->Exited = true;
    S->Exiting = false;
    if (PropagateCancel && S->Errors.empty())
      std::rethrow_exception(PropagateCancel);
    if (Exc && !isCancelled(Exc))
      S->Errors.push_back(Exc);
    if (!S->Errors.empty())
      throw ExceptionGroup("unhandled errors in a TaskGroup",
                           std::exchange(S->Errors, {}));
    return finish();
  }

  const char *function_name() const noexcept override {
    return "TaskGroup.__aexit__";
  }

private:
  Ref<TaskGroupState> S;
  std::exception_ptr Exc;
  std::exception_ptr PropagateCancel;
};
} // namespace

const CallbackOps TaskGroupState::TaskDoneOps{&onTaskDone, &releaseGroup,
                                              &describeGroup};

namespace {
/// TaskGroup.__repr__ (`<TaskGroup tasks=1 errors=1 cancelling>`); a cosm
/// group is entered when it is made.
std::string groupRepr(const TaskGroupState &S) {
  std::string Info;
  if (!S.Tasks.empty())
    Info += " tasks=" + std::to_string(S.Tasks.size());
  if (!S.Errors.empty())
    Info += " errors=" + std::to_string(S.Errors.size());
  Info += S.Aborting ? " cancelling" : " entered";
  return "<TaskGroup" + Info + ">";
}
} // namespace

void TaskGroupState::checkCanCreate() const {
  if ((Exiting || Exited) && Tasks.empty())
    throw RuntimeError("TaskGroup " + groupRepr(*this) + " is finished");
  if (Aborting)
    throw RuntimeError("TaskGroup " + groupRepr(*this) + " is shutting down");
}

void TaskGroupState::adopt(TaskBase &T) {
  retain();
  T.addDoneCallback(&TaskDoneOps, this);
  Tasks.emplace_back(&T);
  // asyncio 3.14: the task that entered the group waits for each child.
  T.addAwaiter(*Parent);
}

void TaskGroupState::abort() {
  Aborting = true;
  std::vector<Ref<TaskBase>> Copy = Tasks;
  for (const Ref<TaskBase> &T : Copy)
    if (!T->done())
      T->cancel();
}

Coro<void> taskGroupExit(const Ref<TaskGroupState> &S, std::exception_ptr E) {
  return Coro<void>::make_awaited<TaskGroupExitFrame>(S, std::move(E));
}

} // namespace detail

TaskGroup::TaskGroup() : S(new detail::TaskGroupState) {
  S->L = &get_running_loop();
  AnyTask Parent = current_task();
  if (!Parent)
    throw RuntimeError("TaskGroup cannot determine the parent task");
  S->Parent = Parent.impl();
}

} // namespace cosm
