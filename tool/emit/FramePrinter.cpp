//===- emit/FramePrinter.cpp - The frame struct ---------------------------===//
//
// The frame's members (parameters, kept locals, what the lowering added),
// its constructor, unwind() and the tables capture_call_graph() reads;
// resume()'s body comes from ResumePrinter.cpp.
//
//===----------------------------------------------------------------------===//

#include "emit/Output.h"
#include "emit/Printer.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/Support/FormatVariadic.h"

using namespace clang;

namespace cosm {
namespace emit {

/// How parameter \p P, under the name \p Name, is passed on to the frame:
/// moved when it is the function's own copy or an rvalue reference,
/// forwarded when it is a forwarding reference (`T &&` of the template).
std::string passed(const VarDecl *P, const std::string &Name) {
  QualType Type = P->getType();
  if (const auto *Pack = Type->getAs<PackExpansionType>())
    Type = Pack->getPattern();
  if (const auto *Ref = Type->getAs<RValueReferenceType>()) {
    QualType Pointee = Ref->getPointeeType();
    if (!Pointee.hasQualifiers() && Pointee->getAs<TemplateTypeParmType>())
      return "std::forward<" + Pointee.getAsString() + ">(" + Name + ")";
    return "std::move(" + Name + ")";
  }
  if (!Type->isReferenceType() && !Type->isScalarType())
    return "std::move(" + Name + ")";
  return Name;
}

/// How frame member \p V is initialised from the constructor's parameter:
/// a generic lambda's parameter is forwarded as it was declared; a capture
/// by reference stays a reference; any other copy moves.
static std::string initialiser(const FrameVar &V) {
  if (V.Generic)
    return "std::forward<" + V.Type + ">(" + V.Name + ")";
  if (!V.Capture)
    return passed(V.Decl, V.Name);
  if (V.Store == Storage::Ref || V.Decl->getType()->isScalarType())
    return V.Name;
  return "std::move(" + V.Name + ")";
}

/// The plan's locals in source order; those of one storage slot share a
/// union, where the first of them stands.
std::string Printer::locals() const {
  auto Declaration = [](const FrameVar &L) {
    return L.Align + L.Type + (L.Store == Storage::Pointer ? " *" : " ") +
           L.Name + ";\n";
  };
  std::string S;
  std::vector<bool> Printed(Plan.Locals.size());
  for (size_t I = 0; I < Plan.Locals.size(); ++I) {
    if (Printed[I])
      continue;
    std::string Shared;
    size_t Count = 0;
    for (size_t J = I; J < Plan.Locals.size(); ++J)
      if (Model.LocalSlots[J] == Model.LocalSlots[I]) {
        Shared += Declaration(Plan.Locals[J]);
        Printed[J] = true;
        ++Count;
      }
    if (Count > 1)
      S += "// Never alive at once: one storage.\n";
    if (Count > 1 || Plan.Locals[I].Store == Storage::Object)
      S += "union {\n" + Shared + "};\n";
    else
      S += Shared;
  }
  return S;
}

/// The members the lowering added, in the order it added them.
std::string Printer::members() const {
  std::string S;
  for (const FrameMember &M : Model.Members) {
    if (M.Role == MemberRole::ChildSlot) {
      std::string Frames;
      for (const std::string &Frame : Model.SlotFrames)
        Frames += (Frames.empty() ? "" : ", ") + Frame;
      S += "cosm::ChildSlot<" + Frames + "> " + M.Name + ";\n";
    } else if (M.InUnion) {
      S += "union {\n" + M.Type + " " + M.Name + ";\n};\n";
    } else {
      S += M.Type + " " + M.Name + ";\n";
    }
  }
  return S;
}

/// The line table and the two functions capture_call_graph() walks a task
/// with: the state's line, and the child coroutine awaited inline. A
/// parent's state is stale while its child runs; the active child says
/// where it is. One short statement a line, so that the formatter splits
/// none and line directives map each to the function.
std::string Printer::wherePoints() const {
  std::string Table = std::to_string(Model.FunctionLine);
  std::string Point, Awaited;
  for (const Suspension &S : Model.Suspensions) {
    Table += ", " + std::to_string(S.Where.Line);
    if (S.Kind != AwaitKind::Coroutine && S.Kind != AwaitKind::Dependent)
      continue;
    Point += "if (" + S.Target + ".active())\nreturn " + Model.LinesName +
             ".at(" + std::to_string(S.State) + ");\n";
    Awaited +=
        "if (" + S.Target + ".active())\nreturn " + S.Target + ".frame();\n";
  }
  // A sleep runs no code of its own while a graph is taken: the frame's
  // state is where it waits.
  if (!Model.Sleeper.empty())
    Awaited += "if (" + Model.Sleeper + ".active())\nreturn " + Model.Sleeper +
               ".frame();\n";
  std::string Lines = "static constexpr cosm::FrameLines<" +
                      std::to_string(Model.Suspensions.size() + 1) + "> " +
                      Model.LinesName + "{" + Model.FileLiteral + ", {" +
                      Table + "}};\n";
  std::string S = "// Where the frame waits, for cosm::capture_call_graph() "
                  "and gdb: the line of each state's await (0: the "
                  "function's).\n";
  // A local class has no static data members: the table is the function's.
  if (!Plan.LocalFrame)
    S += Lines;
  S += "cosm::SourceLine await_point() const noexcept override {\n" +
       (Plan.LocalFrame ? Lines : "") + Point + "return " + Model.LinesName +
       ".at(state);\n}\n";
  if (!Awaited.empty())
    S += "const cosm::FrameBase *awaited_frame() const noexcept override "
         "{\n" +
         Awaited + "return nullptr;\n}\n";
  return S;
}

std::string Printer::frameStruct(const std::string &Body) {
  std::string S;
  S += "// The frame of " + Plan.DisplayName +
       "(): its parameters and the locals that live across a suspension.\n";
  std::string Name = Plan.FrameName;
  std::string Base = "cosm::Frame<" + Plan.ResultType + ">";
  S += Plan.OuterHeaders;
  if (!Plan.TemplateHeader.empty())
    S += Plan.TemplateHeader + "\n";
  S += "struct " + Plan.FrameQualifier + Name + " final : " + Base + " {\n";
  if (Plan.Dependent)
    // Members of a dependent base are not found by unqualified lookup.
    S += "using " + Base + "::state;\nusing " + Base + "::finish;\nusing " +
         Base + "::return_value;\n";
  std::string CtorParams, CtorInits;
  auto AddParam = [&](const std::string &Type, const std::string &Member,
                      const std::string &Init) {
    CtorParams += (CtorParams.empty() ? "" : ", ") + Type + " " + Member;
    CtorInits += (CtorInits.empty() ? "" : ", ") + Member + "(" + Init + ")";
  };
  std::string Nested;
  if (Model.NestedTypes)
    for (const LocalType &Type : Model.LocalTypes)
      if (!Type.Code.empty())
        Nested += Type.Code + "\n";
  if (!Nested.empty())
    S += "// The types " + Plan.DisplayName +
         "() declares, which members of its frame name.\n" + Nested;
  for (const LiftedClosure &C : Plan.Closures)
    S += C.Code;
  for (const std::string &Code : Model.Closures)
    S += Code;
  if (Plan.SelfCopy) {
    S += "cosm::ThisCopy<" + Plan.SelfType + "> " + Plan.SelfName + ";\n";
    AddParam(Plan.SelfType + " &", Plan.SelfName, Plan.SelfName);
  } else if (!Plan.SelfType.empty()) {
    S += Plan.SelfType + " *" + Plan.SelfName + ";\n";
    AddParam(Plan.SelfType + " *", Plan.SelfName, Plan.SelfName);
  }
  const FrameVar *Pack = nullptr;
  for (const FrameVar &P : Plan.Params) {
    if (!P.PackMember.empty()) {
      Pack = &P;
      S += "std::tuple<" + P.Type + "...> " + P.PackMember + ";\n";
      CtorParams += (CtorParams.empty() ? "" : ", ") + P.Type + "... " + P.Name;
      CtorInits += (CtorInits.empty() ? "" : ", ") + P.PackMember + "(" +
                   (P.Store == Storage::Ref ? P.Name : passed(P.Decl, P.Name)) +
                   "...)";
      continue;
    }
    S += P.Type + " " + P.Name + ";\n";
    AddParam(P.Type, P.Name, initialiser(P));
  }
  S += locals();
  S += members();
  if (Model.LiveBits > 0)
    S += llvm::formatv("std::bitset<{0}> {1}; // which objects above are "
                       "alive\n",
                       Model.LiveBits, Plan.LiveName)
             .str();
  S += "\n";
  S += (CtorParams.find(',') == std::string::npos && !CtorParams.empty()
            ? "explicit "
            : "") +
       Name + "(" + CtorParams + ")" +
       (CtorInits.empty() ? "" : " : " + CtorInits) + " {}\n";

  // unwind(): the children first, then the alive objects, newest first.
  // An exception a suspending handler kept ends with the frame's unwinding,
  // as the handler's would when the exception left it.
  std::string Caught;
  for (const FrameMember &M : Model.Members)
    if (M.Role == MemberRole::Caught)
      Caught += M.Name + " = nullptr;\n";
  bool Unwinds =
      !Model.Children.empty() || Model.LiveBits > 0 || !Caught.empty();
  if (Unwinds)
    S += "~" + Name + "() override { unwind(); }\n";
  S += "const char *function_name() const noexcept override { return \"" +
       Plan.DisplayName + "\"; }\n";
  S += wherePoints();
  if (Unwinds) {
    S += "void unwind() noexcept override {\n";
    for (const std::string &Child : Model.Children)
      S += Child + " = {};\n";
    for (const auto &[Bit, Object] : Model.UnwindOrder)
      S += destroyIfLive(Object, Bit);
    S += Caught + "}\n";
  }
  if (Pack) {
    // C++17 has no pack member: the body, with its resume points, runs in
    // a function whose parameter pack refers to the tuple's elements.
    const std::string &Resume = Plan.PackResume;
    S += "\n// The parameter pack `" + Pack->Name + "` is the tuple `" +
         Pack->PackMember + "`; " + Resume + "() sees it as a pack again.\n" +
         "cosm::Step resume() override {\nreturn std::apply([this](auto &..." +
         Pack->Name + ") { return " + Resume + "(" + Pack->Name + "...); }, " +
         Pack->PackMember + ");\n}\n";
    std::string Element =
        Pack->Store == Storage::Ref || Pack->Decl->getType()
                                           ->getAs<PackExpansionType>()
                                           ->getPattern()
                                           ->isReferenceType()
            ? "std::remove_reference_t<" + Pack->Type + ">"
            : Pack->Type;
    S += "\ncosm::Step " + Resume + "(" + Element + " &..." + Pack->Name +
         ") {\n";
  } else {
    S += "\ncosm::Step resume() override {\n";
  }
  // The frame's own code maps to the function; resume()'s body maps itself.
  return mapped(S, Model.FunctionLine) + Body +
         mapped("}\n};\n", Model.FunctionLine);
}

} // namespace emit
} // namespace cosm
