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

#include <csignal>
#include <cstdio>
#include <iostream>
#include <sys/syscall.h>
#include <unistd.h>

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

SigintHandler::SigintHandler(Loop &Lp, FutureBase &M) : L(&Lp), Main(&M) {
  // threading.current_thread() is threading.main_thread() and
  // signal.getsignal(SIGINT) is signal.default_int_handler
  struct sigaction Old;
  if (::syscall(SYS_gettid) != ::getpid() ||
      ::sigaction(SIGINT, nullptr, &Old) != 0 || Old.sa_handler != SIG_DFL ||
      (Old.sa_flags & SA_SIGINFO))
    return;
  auto OnSigint = [this] { onSigint(); };
  Ref<HandleImpl> H(new CallableHandle<decltype(OnSigint)>(
      Lp, SourceLoc::current(), std::move(OnSigint)));
  LoopInternals::addSignalHandler(Lp, SIGINT, H.get());
  Handler = std::move(H);
}

void SigintHandler::restore() noexcept {
  if (!Handler)
    return;
  Ref<HandleImpl> H = std::move(Handler);
  // A SIGINT already read but not handled is dropped with the handler.
  Handle(H.get()).cancel();
  if (LoopInternals::signalHandler(*L, SIGINT) == H.get()) {
    try {
      L->remove_signal_handler(SIGINT);
    } catch (...) {
    }
  }
}

// Runner._on_sigint
void SigintHandler::onSigint() {
  ++Count;
  if (Count == 1 && !Main->done()) {
    Main->cancel();
    // Runner wakes the loop with call_soon_threadsafe(lambda: None).
    L->call_soon([] {});
    return;
  }
  throw KeyboardInterrupt();
}

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
