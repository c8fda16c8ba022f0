//===- emit/ResumePrinter.cpp - resume()'s body ---------------------------===//
//
// With line directives, each operation that starts a line says which user
// line it implements: the user's code its own, generated glue the line of
// the construct it implements (the await, the function).
//
//===----------------------------------------------------------------------===//

#include "emit/Output.h"
#include "emit/Printer.h"
#include "llvm/Support/FormatVariadic.h"

using namespace clang;

namespace cosm {
namespace emit {

std::string Printer::destroyCode(const std::string &Name, int Bit) const {
  // An array is destroyed element by element, last first.
  return llvm::formatv(Model.ArrayBits.count(Bit)
                           ? "{2}.reset({0});\nstd::destroy(std::rbegin({1}), "
                             "std::rend({1}));\n"
                           : "{2}.reset({0});\nstd::destroy_at(&{1});\n",
                       Bit, Name, Plan.LiveName)
      .str();
}

/// Destroys \p Name if it is alive (where control may or may not have
/// constructed it).
std::string Printer::destroyIfLive(const std::string &Name, int Bit) const {
  return llvm::formatv("if ({0}[{1}]) {{\n", Plan.LiveName, Bit).str() +
         destroyCode(Name, Bit) + "}\n";
}

std::string Printer::awaitComment(const Suspension &S) const {
  std::string What;
  switch (S.Kind) {
  case AwaitKind::Coroutine:
    What = S.Embedded
               ? "a coroutine of this file. Its frame is built inside this "
                 "one (no allocation) and runs inline, in this step; no trip "
                 "through the loop."
           : S.TooLarge
               ? "a coroutine of this file. Its frame is allocated, not built "
                 "inside this one: this frame would pass the frame size "
                 "limit (--max-frame-bytes). It runs inline, in this step; no "
                 "trip through the loop."
               : "a coroutine. It runs inline, in this step; no trip through "
                 "the loop.";
    break;
  case AwaitKind::Dependent:
    What = "its kind depends on the instantiation (cosm::Awaiter). A "
           "coroutine runs inline, in this step; a task or a future, unless "
           "it is done, registers this task's wake-up as its done callback "
           "and returns to the loop.";
    break;
  case AwaitKind::Sleep:
    What = "asyncio.sleep, run in this frame (no frame of its own). A delay "
           "of 0 or less is a bare yield: nothing is registered or "
           "allocated, and the task steps again in the next pass. A longer "
           "one waits, through the loop, on a future a timer completes.";
    break;
  case AwaitKind::Task:
  case AwaitKind::Future:
    What = llvm::formatv("a {0}. Unless it is done, this task registers its "
                         "wake-up as the {0}'s done callback and returns to "
                         "the loop.",
                         S.Kind == AwaitKind::Task ? "task" : "future");
    break;
  }
  return "// await " + S.Operand + ": " + What + "\n";
}

/// The resume label before the test: a suspended chain steps again from
/// here and tests again.
static std::string retest(unsigned State, const std::string &Pending,
                          const std::string &Return, StringRef Why) {
  return llvm::formatv("resume_{0}:\nif ({1}) {{\nstate = {0};\nreturn {2}; // "
                       "{3}\n}\n",
                       State, Pending, Return, Why)
      .str();
}

std::string Printer::suspend(const Suspension &S) const {
  if (S.Kind == AwaitKind::Coroutine)
    return retest(S.State, S.Target + ".step() == cosm::Step::Suspended",
                  "cosm::Step::Suspended", "the whole chain waits");
  if (S.Kind == AwaitKind::Dependent)
    return retest(S.State, S.Target + ".pending()", S.Target + ".suspend()",
                  "a coroutine: the whole chain waits; else: back to the loop");
  if (S.Kind == AwaitKind::Sleep)
    return retest(S.State, S.Target + ".pending()", S.Target + ".suspend()",
                  "back to the loop");
  return llvm::formatv("if (!{0}.done()) {{\nstate = {1};\nreturn "
                       "cosm::suspend_on({0});\nresume_{1}:\n"
                       "cosm::resume_point(); // raises a cancellation that "
                       "arrived meanwhile\n}\n",
                       S.Target, S.State)
      .str();
}

void Printer::op(const Op &O) {
  switch (O.What) {
  case Op::Code:
    code(O.Text, O.Line);
    break;
  case Op::Glue:
    glue(O.Text, O.Line);
    break;
  case Op::User:
    if (Lines && O.Line && atLineStart())
      Out += Lines->directive(O.Line);
    Out += O.Text;
    break;
  case Op::SetLive:
    code(llvm::formatv("{0}.set({1});\n", Plan.LiveName, O.Bit).str(), O.Line);
    break;
  case Op::Destroy:
    code(destroyCode(O.Text, O.Bit), O.Line);
    break;
  case Op::DestroyIfLive:
    code(destroyIfLive(O.Text, O.Bit), O.Line);
    break;
  case Op::AwaitComment:
    glue(awaitComment(*Model.suspension(O.Id)), O.Line);
    break;
  case Op::Suspend:
    glue(suspend(*Model.suspension(O.Id)), O.Line);
    break;
  case Op::Dispatch: {
    code("\n", O.Line); // where the directive goes, if any
    Out.pop_back();
    const Region *R = Model.region(O.Id);
    Out +=
        (R ? mapped(dispatch(R->Cases, /*Reset=*/true), R->Line) : "") + "\n";
    break;
  }
  case Op::BranchEntries:
    code("\n", O.Line);
    Out.pop_back();
    for (unsigned Id : {O.Id, O.Id + 1})
      if (const Region *R = Model.region(Id); R && !R->Cases.empty())
        Out += R->Entry + ":\n";
    break;
  case Op::LocalType: {
    code("\n", O.Line);
    Out.pop_back();
    const LocalType &Type = Model.LocalTypes[O.Id];
    if (!Model.NestedTypes && !Type.Code.empty())
      Out += Type.Code + "\n";
    break;
  }
  }
  if (!O.Trailing.empty() && !Out.empty() && Out.back() == '\n') {
    Out.pop_back();
    Out += " " + O.Trailing + "\n";
  }
}

std::string
Printer::dispatch(const std::vector<std::pair<unsigned, std::string>> &Cases,
                  bool Reset) const {
  if (Cases.empty())
    return "";
  std::string S = "switch (state) {\n";
  for (const auto &[State, Label] : Cases) {
    S += llvm::formatv("case {0}:\n", State).str();
    // Reaching the label ends the resumption: a later pass through this
    // region must not jump again.
    if (Reset && StringRef(Label).starts_with("resume_"))
      S += "state = 0;\n";
    S += "goto " + Label + ";\n";
  }
  return S + "}\n";
}

} // namespace emit
} // namespace cosm
