//===- trace.cpp - Chrome trace events of a loop's tasks ------------------===//
///
/// \file
/// Event layout, one JSON object per line (pid P: the loop; tid T: the
/// task's track):
///   "M" process_name "cosm loop P", thread_name "Task-2 coro_b", and
///       their sort indexes;
///   "X" named after the coroutine, "cat":"step", ts, dur,
///       "args":{"task":"Task-2","step":1,"result":"done"};
///   "s" / "f" named "create_task" or "await", "cat":"flow", id, ts.
/// Timestamps are microseconds since the file was created, with nanosecond
/// decimals.
///
//===----------------------------------------------------------------------===//
#include "trace.hpp"

#include "cosm/errors.hpp"
#include "cosm/task.hpp"
#include "debug.hpp"

#include <algorithm>
#include <cerrno>
#include <cinttypes>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <map>
#include <mutex>

namespace cosm::detail {

/// One trace file: what the loops that closed so far recorded.
struct TraceFile {
  std::string Path;
  std::int64_t Origin = 0;
  unsigned Loops = 0;
  /// The events of the loops flushed so far, each followed by ",\n".
  std::string Written;
};

namespace {

std::mutex FilesMutex;
/// Trace files by path, for the life of the process: a later loop traced
/// to the same path adds to what earlier ones wrote.
std::map<std::string, std::shared_ptr<TraceFile>> &files() {
  static std::map<std::string, std::shared_ptr<TraceFile>> Files;
  return Files;
}

std::int64_t monotonicNs() noexcept {
  timespec Now;
  ::clock_gettime(CLOCK_MONOTONIC, &Now);
  return std::int64_t(Now.tv_sec) * 1000000000 + Now.tv_nsec;
}

/// Writes Text to Path (replacing it); false with errno set on failure.
bool writeFile(const std::string &Path, const std::string &Text) {
  std::FILE *F = std::fopen(Path.c_str(), "w");
  if (!F)
    return false;
  bool Ok = std::fwrite(Text.data(), 1, Text.size(), F) == Text.size();
  int Err = errno;
  Ok = std::fclose(F) == 0 && Ok;
  if (!Ok && errno == 0)
    errno = Err;
  return Ok;
}

std::string document(const std::string &Events) {
  std::string Doc = "{\"displayTimeUnit\":\"ns\",\"otherData\":{\"generator\":"
                    "\"cosm\"},\"traceEvents\":[\n";
  Doc += Events;
  if (!Events.empty())
    Doc.erase(Doc.size() - 2); // the last event's ",\n"
  Doc += "\n]}\n";
  return Doc;
}

void appendJsonString(std::string &Out, const char *S) {
  Out += '"';
  for (; *S; ++S) {
    unsigned char C = static_cast<unsigned char>(*S);
    if (C == '"' || C == '\\') {
      Out += '\\';
      Out += char(C);
    } else if (C < 0x20) {
      char Buf[8];
      std::snprintf(Buf, sizeof Buf, "\\u%04x", C);
      Out += Buf;
    } else {
      Out += char(C);
    }
  }
  Out += '"';
}
void appendJsonString(std::string &Out, const std::string &S) {
  appendJsonString(Out, S.c_str());
}

/// Nanoseconds as microseconds with three decimals.
void appendMicros(std::string &Out, std::int64_t Ns) {
  char Buf[32];
  std::snprintf(Buf, sizeof Buf, "%" PRId64 ".%03d", Ns / 1000, int(Ns % 1000));
  Out += Buf;
}

/// `"ph":"<Ph>","pid":P,"tid":T` with the given name: the common head.
void appendHead(std::string &Out, const char *Ph, const char *Name,
                unsigned Pid, std::uint32_t Tid) {
  Out += "{\"ph\":\"";
  Out += Ph;
  Out += "\",\"name\":";
  appendJsonString(Out, Name);
  Out += ",\"pid\":" + std::to_string(Pid) + ",\"tid\":" + std::to_string(Tid);
}

void appendFlow(std::string &Out, const char *Ph, const char *Name,
                unsigned Pid, std::uint32_t Tid, std::uint64_t Id,
                std::int64_t Ts) {
  appendHead(Out, Ph, Name, Pid, Tid);
  Out += ",\"cat\":\"flow\",\"id\":" + std::to_string(Id) + ",\"ts\":";
  appendMicros(Out, Ts);
  // "f" binds to the slice enclosing it, not to the next one.
  if (Ph[0] == 'f')
    Out += ",\"bp\":\"e\"";
  Out += "},\n";
}

void appendMetadata(std::string &Out, const char *What, unsigned Pid,
                    std::uint32_t Tid, const std::string &Name) {
  appendHead(Out, "M", What, Pid, Tid);
  Out += ",\"args\":{\"name\":";
  appendJsonString(Out, Name);
  Out += "}},\n";
  appendHead(Out, "M", Tid ? "thread_sort_index" : "process_sort_index", Pid,
             Tid);
  Out +=
      ",\"args\":{\"sort_index\":" + std::to_string(Tid ? Tid : Pid) + "}},\n";
}

} // namespace

Tracer::Tracer(const std::string &Path) {
  std::lock_guard<std::mutex> G(FilesMutex);
  std::shared_ptr<TraceFile> &Slot = files()[Path];
  if (!Slot) {
    // Fail now, at the start of the run, rather than when the loop closes;
    // and leave a valid (empty) trace should the program never get there.
    if (!writeFile(Path, document(""))) {
      int Err = errno;
      files().erase(Path);
      throw OSError(Err, "cannot write the trace file '" + Path +
                             "': " + std::strerror(Err));
    }
    Slot = std::make_shared<TraceFile>();
    Slot->Path = Path;
    Slot->Origin = monotonicNs();
  }
  File = Slot;
  Pid = ++File->Loops;
  appendMetadata(Events, "process_name", Pid, 0,
                 "cosm loop " + std::to_string(Pid));
}

Tracer::~Tracer() { flush(); }

std::int64_t Tracer::now() const noexcept {
  return monotonicNs() - File->Origin;
}

std::uint64_t Tracer::newFlowId() noexcept {
  // Unique across the loops of one file.
  return (std::uint64_t(Pid) << 32) | ++Flows;
}

Tracer::TaskTrace &Tracer::traceOf(const TaskBase &Task) {
  return Traces[Task.number()];
}

void Tracer::assignTrack(TaskBase &Task) {
  traceOf(Task).Track = ++Tracks;
  appendMetadata(Events, "thread_name", Pid, traceOf(Task).Track,
                 Task.name() + " " + Task.coroName());
}

void Tracer::taskCreated(TaskBase &Task) {
  assignTrack(Task);
  if (!StepTrack)
    return; // created outside any task's step: no step to start from
  StepLatest = std::max(now(), StepLatest + 1);
  std::uint64_t Id = newFlowId();
  appendFlow(StepFlows, "s", "create_task", Pid, StepTrack, Id, StepLatest);
  TaskTrace &T = traceOf(Task);
  T.Flow = Id;
  T.FlowName = "create_task";
}

void Tracer::step(TaskBase &Task) {
  if (!traceOf(Task).Track)
    assignTrack(Task); // created before the loop first ran
  TaskTrace &T = traceOf(Task);
  std::uint64_t Arrived = std::exchange(T.Flow, 0);
  const char *ArrivedName = T.FlowName;
  ++T.Steps;
  std::int64_t Start = now();
  StepTrack = T.Track;
  StepLatest = Start;
  try {
    Task.stepUntraced();
  } catch (...) {
    recordStep(Task, Start, Arrived, ArrivedName);
    throw;
  }
  recordStep(Task, Start, Arrived, ArrivedName);
}

void Tracer::recordStep(TaskBase &Task, std::int64_t Start,
                        std::uint64_t Arrived, const char *ArrivedName) {
  StepTrack = 0;
  // At least 2 ns, and past every flow start inside: the flows bind to it.
  std::int64_t End = std::max({now(), Start + 2, StepLatest + 1});
  TaskTrace &T = traceOf(Task);
  std::uint32_t Track = T.Track;

  const char *Result = "suspended";
  if (Task.cancelled())
    Result = "cancelled";
  else if (Task.done())
    Result = Task.Exc ? "error" : "done";
  appendHead(Events, "X", Task.coroName(), Pid, Track);
  Events += ",\"cat\":\"step\",\"ts\":";
  appendMicros(Events, Start);
  Events += ",\"dur\":";
  appendMicros(Events, End - Start);
  Events += ",\"args\":{\"task\":";
  appendJsonString(Events, Task.name());
  Events += ",\"step\":" + std::to_string(T.Steps) + ",\"result\":\"" +
            Result + "\"";
  if (!Task.done()) {
    // What the task now waits for; nothing registered means it steps again
    // in the next pass (a bare yield, or an error to throw at the await).
    Events += ",\"waits_for\":";
    if (!Task.FutWaiter)
      appendJsonString(Events, "next pass");
    else if (Task.FutWaiter->isTask())
      appendJsonString(Events, static_cast<TaskBase &>(*Task.FutWaiter).name());
    else
      appendJsonString(Events, "future");
  }
  Events += "}},\n";

  if (Arrived)
    appendFlow(Events, "f", ArrivedName, Pid, Track, Arrived, Start + 1);
  Events += StepFlows;
  StepFlows.clear();
  if (!Task.done()) {
    std::uint64_t Id = newFlowId();
    appendFlow(Events, "s", "await", Pid, Track, Id, End - 1);
    T.Flow = Id;
    T.FlowName = "await";
  } else {
    Traces.erase(Task.number());
  }
}

void Tracer::flush() noexcept {
  // A loop that ran no task step has nothing to show.
  if (Flushed || !Tracks)
    return;
  Flushed = true;
  try {
    std::lock_guard<std::mutex> G(FilesMutex);
    File->Written += Events;
    Events.clear();
    if (!writeFile(File->Path, document(File->Written)))
      logError("cosm: cannot write the trace file '" + File->Path +
               "': " + std::strerror(errno));
  } catch (...) {
    logError("cosm: out of memory writing the trace file");
  }
}

} // namespace cosm::detail
