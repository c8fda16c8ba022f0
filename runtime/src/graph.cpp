//===- graph.cpp - Call-graph introspection -------------------------------===//
///
/// \file
/// asyncio 3.14's graph.py: capture_call_graph() walks a task's frames from
/// its root through the coroutines each awaits inline, and follows the
/// awaited-by edges futures keep (FutureBase::addAwaiter).
///
//===----------------------------------------------------------------------===//
#include "cosm/graph.hpp"

#include "cosm/loop.hpp"

#include <algorithm>
#include <cinttypes>

namespace cosm {
namespace {

using detail::FutureBase;
using detail::TaskBase;

/// Keeps |Limit| entries of Stack (outermost first), as graph.py slices it:
/// a positive limit keeps the outermost, a negative one the innermost.
void applyLimit(std::vector<FrameCallGraphEntry> &Stack,
                std::optional<int> Limit) {
  if (!Limit || *Limit == 0)
    return;
  std::size_t Keep = std::size_t(*Limit > 0 ? *Limit : -*Limit);
  if (Keep >= Stack.size())
    return;
  if (*Limit > 0)
    Stack.resize(Keep);
  else
    Stack.erase(Stack.begin(), Stack.end() - std::ptrdiff_t(Keep));
}

/// The frames of Task, outermost first.
std::vector<FrameCallGraphEntry> framesOf(const TaskBase &Task) {
  std::vector<FrameCallGraphEntry> Stack;
  for (const FrameBase *F = Task.rootFrame(); F; F = F->awaited_frame()) {
    SourceLine Where = F->await_point();
    Stack.push_back({F->function_name(), Where.file, Where.line});
  }
  return Stack;
}

FutureCallGraph build(FutureBase &Fut, std::optional<int> Limit, int Skip,
                      std::vector<const FutureBase *> &Path) {
  FutureCallGraph G;
  G.id = &Fut;
  Path.push_back(&Fut);
  if (Fut.isTask()) {
    auto &Task = static_cast<TaskBase &>(Fut);
    G.task = AnyTask(&Task);
    if (Limit != 0) {
      G.call_stack = framesOf(Task);
      G.call_stack.resize(
          G.call_stack.size() -
          std::min(G.call_stack.size(), std::size_t(std::max(Skip, 0))));
      applyLimit(G.call_stack, Limit);
      std::reverse(G.call_stack.begin(), G.call_stack.end());
    }
  }
  for (FutureBase *Parent : Fut.awaiters())
    // An edge back to a future on the path would recurse forever.
    if (std::find(Path.begin(), Path.end(), Parent) == Path.end())
      G.awaited_by.push_back(build(*Parent, Limit, 0, Path));
  Path.pop_back();
  return G;
}

/// Python's repr() of a str.
std::string repr(const std::string &S) {
  char Quote =
      S.find('\'') != std::string::npos && S.find('"') == std::string::npos
          ? '"'
          : '\'';
  std::string Out(1, Quote);
  for (char C : S) {
    if (C == '\\' || C == Quote)
      Out += '\\';
    Out += C;
  }
  return Out + Quote;
}

std::string hexId(const void *P) {
  char Buf[32];
  std::snprintf(Buf, sizeof Buf, "%#" PRIxPTR, std::uintptr_t(P));
  return Buf;
}

/// Name: the task's name when G.task cannot hold it (a task being
/// destroyed).
void render(const FutureCallGraph &G, std::vector<std::string> &Buf,
            int Level, const std::string *Name = nullptr) {
  std::string Indent(std::size_t(Level) * 4, ' ');
  auto Add = [&](const std::string &Line) { Buf.push_back(Indent + Line); };
  if (G.task || Name)
    Add("* Task(name=" + repr(Name ? *Name : G.task.get_name()) +
        ", id=" + hexId(G.id) + ")");
  else
    Add("* Future(id=" + hexId(G.id) + ")");
  if (!G.call_stack.empty()) {
    Add("  + Call stack:");
    for (const FrameCallGraphEntry &E : G.call_stack)
      Add("  |   File " + repr(E.file ? E.file : "<cosm>") + ", line " +
          std::to_string(E.line) + ", in async " + E.function + "()");
  }
  if (!G.awaited_by.empty()) {
    Add("  + Awaited by:");
    for (const FutureCallGraph &Parent : G.awaited_by)
      render(Parent, Buf, Level + 1);
  }
}

} // namespace

std::optional<FutureCallGraph> capture_call_graph(GraphTarget Fut, int depth,
                                                  std::optional<int> limit) {
  Loop *Running = detail::runningLoopOrNull();
  FutureBase *F = Fut.get();
  TaskBase *Current = Running ? detail::currentTaskOrNull() : nullptr;
  if (!F) {
    if (!Running)
      throw RuntimeError("capture_call_graph() is called outside of a running "
                         "event loop and no *future* to introspect was "
                         "provided");
    F = Current;
    if (!F)
      return std::nullopt;
  }
  std::vector<const FutureBase *> Path;
  // For the running task, depth skips its innermost frames (graph.py skips
  // the caller's Python frames).
  return build(*F, limit, F == Current ? depth - 1 : 0, Path);
}

namespace {
std::string joined(const std::vector<std::string> &Buf) {
  std::string Out;
  for (const std::string &Line : Buf)
    Out += (Out.empty() ? "" : "\n") + Line;
  return Out;
}
} // namespace

std::string format_call_graph(const FutureCallGraph &Graph) {
  std::vector<std::string> Buf;
  render(Graph, Buf, 0);
  return joined(Buf);
}

std::string detail::callGraphText(TaskBase &Task) {
  // No handle to Task: it may be on its way out (its count at zero).
  FutureCallGraph G;
  G.id = &Task;
  G.call_stack = framesOf(Task);
  std::reverse(G.call_stack.begin(), G.call_stack.end());
  std::vector<const FutureBase *> Path{&Task};
  for (FutureBase *Parent : Task.awaiters())
    if (Parent != &Task)
      G.awaited_by.push_back(build(*Parent, std::nullopt, 0, Path));
  std::vector<std::string> Buf;
  std::string Name = Task.name();
  render(G, Buf, 0, &Name);
  return joined(Buf);
}

std::string format_call_graph(GraphTarget Fut, int depth,
                              std::optional<int> limit) {
  std::optional<FutureCallGraph> Graph = capture_call_graph(Fut, depth, limit);
  return Graph ? format_call_graph(*Graph) : std::string();
}

void print_call_graph(GraphTarget Fut, std::FILE *file, int depth,
                      std::optional<int> limit) {
  std::string Text = format_call_graph(Fut, depth, limit) + "\n";
  std::fwrite(Text.data(), 1, Text.size(), file);
}

} // namespace cosm
