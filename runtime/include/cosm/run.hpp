//===- cosm/run.hpp - cosm::run --------------------------------*- C++ -*-===//
///
/// \file
/// asyncio.run: a new loop runs `main` as a task (its first step in pass 1)
/// until it completes, then cancels every remaining task and runs the loop
/// until they finish, closes the loop, and returns main's result or rethrows
/// its exception.
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
  try {
    detail::runUntilDone(L, *MainTask.impl());
  } catch (...) {
    detail::shutdownRun(L);
    detail::flushStdout();
    throw;
  }
  detail::shutdownRun(L);
  try {
    return MainTask.impl()->takeResult();
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
