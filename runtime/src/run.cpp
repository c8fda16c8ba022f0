//===- run.cpp - cosm::run ------------------------------------------------===//
///
/// \file
/// The parts of asyncio.run (runners.py) that are not templates.
///
//===----------------------------------------------------------------------===//
#include "cosm/run.hpp"

#include "cosm/gather.hpp"
#include "debug.hpp"
#include "loop_internals.hpp"

#include <cstdio>
#include <iostream>

namespace cosm::detail {

namespace {
/// Stands in for loop.shutdown_asyncgens() and shutdown_default_executor():
/// cosm has neither, but asyncio.run runs each as a task, which costs passes
/// (and task numbers) that leftover tasks may observe.
class ShutdownStep final : public Frame<void> {
public:
  explicit ShutdownStep(const char *Name) : Name(Name) {}
  Step resume() override { return finish(); }
  const char *function_name() const noexcept override { return Name; }

private:
  const char *Name;
};

/// asyncio.runners._cancel_all_tasks.
void cancelAllTasks(Loop &L) {
  std::vector<Ref<TaskBase>> ToCancel;
  for (TaskBase *T = LoopInternals::firstTask(L); T; T = T->NextInLoop)
    ToCancel.emplace_back(T);
  if (ToCancel.empty())
    return;
  for (const Ref<TaskBase> &T : ToCancel)
    T->cancel();
  // gather(*to_cancel, return_exceptions=True)
  Ref<GatheringFuture<void>> All(new GatheringFuture<void>(
      L, SourceLoc::current(), /*ReturnExceptions=*/true));
  for (const Ref<TaskBase> &T : ToCancel)
    All->addChild(*T);
  All->sealed();
  LoopInternals::runUntilDone(L, *All);
  All->checkResult();
  for (const Ref<TaskBase> &T : ToCancel) {
    if (T->cancelled())
      continue;
    if (std::exception_ptr E = T->exception())
      logError("unhandled exception during cosm::run() shutdown\ntask: " +
               T->describe());
  }
}
} // namespace

void checkNoRunningLoop() {
  if (runningLoopOrNull())
    throw RuntimeError(
        "cosm::run() cannot be called from a running event loop");
}

void flushStdout() noexcept {
  try {
    std::cout.flush();
  } catch (...) {
  }
  std::fflush(stdout);
}

void runUntilDone(Loop &L, FutureBase &F) { LoopInternals::runUntilDone(L, F); }

void shutdownRun(Loop &L) {
  try {
    cancelAllTasks(L);
    L.run_until_complete(Coro<void>::make<ShutdownStep>("shutdown_asyncgens"));
    L.run_until_complete(
        Coro<void>::make<ShutdownStep>("shutdown_default_executor"));
  } catch (...) {
    L.close();
    throw;
  }
  L.close();
}

} // namespace cosm::detail
