//===- cosm/graph.hpp - Call-graph introspection ---------------*- C++ -*-===//
///
/// \file
/// asyncio 3.14's call-graph introspection (Lib/asyncio/graph.py): where a
/// task waits, frame by frame, and which tasks wait for it.
///
/// A task's call stack is its chain of frames, from the one it waits in out
/// to its root: each frame awaits the next inline (FrameBase::awaited_frame)
/// and knows the line of the await it waits at (FrameBase::await_point, from
/// the table cosm-lower emits per frame). The awaited-by edges are recorded
/// as asyncio 3.14 records them: an await, gather(), TaskGroup, wait_for()
/// and shield() on behalf of the task that calls them.
///
/// Differences from asyncio:
/// - For the running task, the innermost frame's line is the await it last
///   resumed from (the function's line before its first suspension), not
///   the line running now: cosm frames record nothing between awaits.
/// - `depth` drops that many - 1 innermost frames of the running task (an
///   asyncio call stack also holds the plain functions between).
/// - The runtime's own frames (sleep, TaskGroup.__aexit__, ...) print
///   `File '<cosm>', line 0`.
///
//===----------------------------------------------------------------------===//
#ifndef COSM_GRAPH_HPP
#define COSM_GRAPH_HPP

#include "cosm/future.hpp"
#include "cosm/task.hpp"

#include <cstdio>
#include <optional>
#include <string>
#include <vector>

namespace cosm {

/// One frame of a call stack (asyncio's FrameCallGraphEntry): the async
/// function and the line of the await it waits at.
struct FrameCallGraphEntry {
  const char *function = nullptr;
  const char *file = nullptr; ///< null for the runtime's own frames
  unsigned line = 0;
};

/// asyncio's FutureCallGraph: a future or task, its call stack (innermost
/// frame first; empty for a plain future) and the graphs of the tasks that
/// wait for it.
struct FutureCallGraph {
  /// The task, or an empty handle for a plain future.
  AnyTask task;
  /// The future's identity (asyncio prints id()).
  const void *id = nullptr;
  std::vector<FrameCallGraphEntry> call_stack;
  std::vector<FutureCallGraph> awaited_by;
};

/// What the call-graph functions inspect: a task or future handle, or
/// nothing (the current task).
class GraphTarget {
public:
  GraphTarget() noexcept = default;
  template <class T> GraphTarget(const Task<T> &T_) noexcept : F(T_.impl()) {}
  template <class T> GraphTarget(const Future<T> &F_) noexcept : F(F_.impl()) {}
  GraphTarget(const AnyTask &T_) noexcept : F(T_.impl()) {}
  detail::FutureBase *get() const noexcept { return F; }

private:
  detail::FutureBase *F = nullptr;
};

/// asyncio.capture_call_graph(future=None, *, depth=1, limit=None): the
/// graph of Fut, or of the current task when Fut is empty (std::nullopt
/// outside a task; RuntimeError when no loop runs and Fut is empty).
/// limit keeps the limit innermost frames of each call stack (a negative
/// limit: the -limit outermost); 0 keeps none.
std::optional<FutureCallGraph>
capture_call_graph(GraphTarget Fut = {}, int depth = 1,
                   std::optional<int> limit = std::nullopt);

/// asyncio.format_call_graph: the graph as text ("" when there is none).
std::string format_call_graph(GraphTarget Fut = {}, int depth = 1,
                              std::optional<int> limit = std::nullopt);
/// The same text for a captured graph.
std::string format_call_graph(const FutureCallGraph &Graph);

/// asyncio.print_call_graph: the text and a newline on File.
void print_call_graph(GraphTarget Fut = {}, std::FILE *file = stdout,
                      int depth = 1, std::optional<int> limit = std::nullopt);

namespace detail {
/// format_call_graph(Task) without taking a handle to Task, for debug-mode
/// reports (a task being destroyed).
std::string callGraphText(TaskBase &Task);
} // namespace detail

} // namespace cosm

#endif // COSM_GRAPH_HPP
