//===- cosm/run.hpp - cosm::run --------------------------------*- C++ -*-===//
///
/// \file
/// asyncio.run: a new loop runs `main` as a task (its first step in pass 1)
/// until it completes, then cancels every remaining task and runs the loop
/// until they finish, closes the loop, and returns main's result or rethrows
/// its exception.
///
/// SIGINT, as asyncio.Runner in 3.11: when run() is called in the main
/// thread and SIGINT has its default action, a handler is installed for the
/// run (through the loop's signal handlers) and the previous action is
/// restored afterwards (if the handler is still the loop's). The first
/// SIGINT cancels the main task; if the main task then ends cancelled (and
/// uncancel() brings its count to 0), run() throws cosm::KeyboardInterrupt
/// instead of CancelledError. A further SIGINT throws KeyboardInterrupt out
/// of the loop at once, after which run() shuts down as for any exception.
/// Unlike Python, the handler runs as a loop callback (in the pass after
/// the signal was read), not at the signal itself: a callback or step that
/// never returns is not interrupted.
///
//===----------------------------------------------------------------------===//
#ifndef COSM_RUN_HPP
#define COSM_RUN_HPP

#include "cosm/loop.hpp"
#include "cosm/task.hpp"

#include <optional>
#include <string>

namespace cosm {

/// asyncio.run's keyword arguments.
struct RunOptions {
  /// Debug mode on/off; unset leaves it to COSM_DEBUG.
  std::optional<bool> debug;
  /// The Chrome trace file to write (Loop::set_trace_file); unset leaves
  /// it to COSM_TRACE, "" turns tracing off. (The initializer keeps
  /// `RunOptions{true}` free of -Wmissing-field-initializers.)
  std::optional<std::string> trace = std::nullopt;
};

namespace detail {
/// RuntimeError if a loop already runs in this thread.
void checkNoRunningLoop();
/// Runs the loop until F is done (run_until_complete without the result).
void runUntilDone(Loop &L, FutureBase &F);
/// asyncio.Runner.close(): cancels and drains leftover tasks, closes L.
void shutdownRun(Loop &L);
/// Flushes std::cout and stdout.
void flushStdout() noexcept;

/// asyncio.Runner's SIGINT handling for one run (see the file comment).
class SigintHandler {
public:
  SigintHandler(Loop &L, FutureBase &Main);
  ~SigintHandler() { restore(); }
  SigintHandler(const SigintHandler &) = delete;
  SigintHandler &operator=(const SigintHandler &) = delete;
  /// Puts the default action back if the handler is still installed.
  void restore() noexcept;
  /// Runner._interrupt_count > 0
  bool interrupted() const noexcept { return Count > 0; }

private:
  void onSigint();
  Loop *L;
  FutureBase *Main;
  Ref<HandleImpl> Handler; ///< null when not installed
  int Count = 0;
};
} // namespace detail

/// Runs Main on a new loop and returns its result (see the file comment).
template <class T>
T run(Coro<T> Main, RunOptions Opts = {},
      detail::SourceLoc Loc = detail::SourceLoc::current()) {
  detail::checkNoRunningLoop();
  Loop L;
  if (Opts.debug)
    L.set_debug(*Opts.debug);
  // Creates the trace file (COSM_TRACE's unless Opts says otherwise) before
  // Main becomes a task: an unwritable path is an OSError from here.
  L.set_trace_file(Opts.trace ? *Opts.trace : L.trace_file());
  Task<T> MainTask = L.create_task(std::move(Main), {}, Loc);
  detail::SigintHandler Sigint(L, *MainTask.impl());
  try {
    detail::runUntilDone(L, *MainTask.impl());
  } catch (...) {
    Sigint.restore();
    detail::shutdownRun(L);
    detail::flushStdout();
    throw;
  }
  Sigint.restore();
  detail::shutdownRun(L);
  try {
    return MainTask.impl()->takeResult();
  } catch (const CancelledError &) {
    detail::flushStdout();
    // Runner.run: the cancellation came from SIGINT.
    if (Sigint.interrupted() && MainTask.uncancel() == 0)
      throw KeyboardInterrupt();
    throw;
  } catch (...) {
    // Likely uncaught: std::terminate would drop what the program printed
    // to a piped stdout, which Python would have shown before its traceback.
    detail::flushStdout();
    throw;
  }
}

/// run(Main, RunOptions{Debug}).
template <class T>
T run(Coro<T> Main, bool Debug,
      detail::SourceLoc Loc = detail::SourceLoc::current()) {
  return run(std::move(Main), RunOptions{Debug}, Loc);
}

} // namespace cosm

#endif // COSM_RUN_HPP
