//===- trace.hpp - Chrome trace events of a loop's tasks --------*- C++ -*-===//
///
/// \file
/// The tracer behind COSM_TRACE, RunOptions::trace and Loop::set_trace_file
/// (docs/runtime.md, "Tracing"). A loop that traces owns one Tracer, which
/// records, in Chrome's trace-event format:
///   - each task step as a complete event ("X") on the task's own track
///     (a pseudo-thread per task, numbered in order of creation);
///   - create_task as a flow from the creating step to the new task's first
///     step, and each suspension as a flow from the step that suspended to
///     the step that resumes the task (flow events "s" and "f").
/// Flow events sit strictly inside the slices they bind to, and each slice
/// is written before its flow events, so viewers that sort by time still
/// bind them to the right slice.
///
/// Every loop traced to the same path adds its events to one file (a
/// process of its own in the viewer); the file is rewritten whole when each
/// of them closes, so it is valid JSON after every close.
///
//===----------------------------------------------------------------------===//
#ifndef COSM_SRC_TRACE_HPP
#define COSM_SRC_TRACE_HPP

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>

namespace cosm::detail {

class TaskBase;
struct TraceFile;

class Tracer {
public:
  /// Starts (or joins) the trace written to Path. OSError if Path cannot
  /// be written.
  explicit Tracer(const std::string &Path);
  ~Tracer();
  Tracer(const Tracer &) = delete;
  Tracer &operator=(const Tracer &) = delete;

  /// create_task: gives Task its track, and starts a flow from the step in
  /// progress, if any.
  void taskCreated(TaskBase &Task);
  /// Runs one step of Task (TaskBase::stepUntraced) and records it.
  void step(TaskBase &Task);
  /// Adds this loop's events to the file and rewrites it; once, and only
  /// if a task was traced.
  void flush() noexcept;

private:
  /// What the tracer keeps per task, by its number (a task's address may
  /// be reused by the next one).
  struct TaskTrace {
    /// The task's track in the trace; 0 until it has one.
    std::uint32_t Track = 0;
    std::uint32_t Steps = 0;
    /// The flow the task's next step ends (0: none), and its name.
    std::uint64_t Flow = 0;
    const char *FlowName = nullptr;
  };
  TaskTrace &traceOf(const TaskBase &Task);
  void assignTrack(TaskBase &Task);
  void recordStep(TaskBase &Task, std::int64_t Start, std::uint64_t Arrived,
                  const char *ArrivedName);
  std::uint64_t newFlowId() noexcept;
  std::int64_t now() const noexcept;

  std::shared_ptr<TraceFile> File;
  /// This loop's process id in the trace (1 for the first traced loop).
  unsigned Pid;
  /// Events recorded so far: JSON objects, each followed by ",\n".
  std::string Events;
  /// Flow starts recorded during the step in progress, written after its
  /// slice.
  std::string StepFlows;
  std::unordered_map<std::uint64_t, TaskTrace> Traces;
  std::uint32_t Tracks = 0;
  std::uint32_t Flows = 0;
  /// The step in progress: its task's track (0 between steps), and its
  /// start or the latest flow start inside it (ns since the file's origin).
  std::uint32_t StepTrack = 0;
  std::int64_t StepLatest = 0;
  bool Flushed = false;
};

} // namespace cosm::detail

#endif // COSM_SRC_TRACE_HPP
