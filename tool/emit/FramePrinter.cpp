//===- emit/FramePrinter.cpp - A frame model as C++ -----------------------===//
//
// With line directives, each operation that starts a line says which user
// line it implements: the user's code its own, generated glue the line of
// the construct it implements (the await, the function).
//
//===----------------------------------------------------------------------===//

#include "emit/FramePrinter.h"
#include "emit/Output.h"
#include "support/Diagnostics.h"
#include "clang/AST/Attr.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/Support/FormatVariadic.h"

using namespace clang;

namespace cosm {
namespace {

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
std::string initialiser(const FrameVar &V) {
  if (V.Generic)
    return "std::forward<" + V.Type + ">(" + V.Name + ")";
  if (!V.Capture)
    return passed(V.Decl, V.Name);
  if (V.Store == Storage::Ref || V.Decl->getType()->isScalarType())
    return V.Name;
  return "std::move(" + V.Name + ")";
}

/// How a lambda passes \p V, under its source name, to its frame: captures
/// are copied (the closure may be called again), `auto` parameters
/// forwarded.
std::string fromLambda(const FrameVar &V) {
  std::string Name = V.Decl->getName().str();
  if (V.Capture)
    return Name + (V.PackMember.empty() ? "" : "...");
  if (V.Generic)
    return "std::forward<decltype(" + Name + ")>(" + Name + ")";
  return passed(V.Decl, Name);
}

class Printer {
public:
  Printer(const FrameModel &Model, EditedText &Text, DiagnosticsEngine &Diags,
          const LineDirectives *Lines)
      : Model(Model), Plan(*Model.Plan), Text(Text), Diags(Diags),
        Lines(Lines) {}

  std::optional<PrintedFunction> run();

private:
  bool atLineStart() const { return Out.empty() || Out.back() == '\n'; }
  /// Code for \p Line: a directive first, where a line starts.
  void code(StringRef S, unsigned Line) {
    if (Lines && Line && atLineStart() && !S.empty())
      Out += Lines->directive(Line);
    Out += S;
  }
  /// Generated code that is all about one construct: every line maps to it.
  void glue(StringRef S, unsigned Line) {
    if (Lines && Line && atLineStart())
      Out += Lines->markEachLine(S, Line);
    else
      Out += S;
  }
  std::string mapped(StringRef S, unsigned Line) const {
    return Lines && Line ? Lines->markEachLine(S, Line) : S.str();
  }
  void op(const Op &O);
  std::string destroyCode(const std::string &Name, int Bit) const;
  std::string destroyIfLive(const std::string &Name, int Bit) const;
  std::string awaitComment(const Suspension &S) const;
  std::string suspend(const Suspension &S) const;
  std::string
  dispatch(const std::vector<std::pair<unsigned, std::string>> &Cases,
           bool Reset) const;
  std::string locals() const;
  std::string members() const;
  std::string wherePoints() const;
  std::string frameStruct(const std::string &Body);
  std::optional<std::string> function(const std::string &Inside);
  std::string lambdaBody();

  const FrameModel &Model;
  const FunctionPlan &Plan;
  EditedText &Text;
  DiagnosticsEngine &Diags;
  const LineDirectives *Lines;
  std::string Out;
  /// The function's declaration, when the frame must see it first.
  std::string Declaration;
};

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

std::string Printer::suspend(const Suspension &S) const {
  if (S.Kind == AwaitKind::Coroutine)
    return llvm::formatv(
               "resume_{0}:\nif ({1}.step() == cosm::Step::Suspended) "
               "{{\nstate = {0};\nreturn cosm::Step::Suspended; // the "
               "whole chain waits\n}\n",
               S.State, S.Target)
        .str();
  if (S.Kind == AwaitKind::Dependent)
    return llvm::formatv("resume_{0}:\nif ({1}.pending()) {{\nstate = "
                         "{0};\nreturn {1}.suspend(); // a coroutine: the "
                         "whole chain waits; else: back to the loop\n}\n",
                         S.State, S.Target)
        .str();
  if (S.Kind == AwaitKind::Sleep)
    return llvm::formatv("resume_{0}:\nif ({1}.pending()) {{\nstate = "
                         "{0};\nreturn {1}.suspend(); // back to the "
                         "loop\n}\n",
                         S.State, S.Target)
        .str();
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

/// True if \p S names \p F.
static bool refersTo(const Stmt *S, const FunctionDecl *F) {
  if (!S)
    return false;
  if (const auto *Ref = dyn_cast<DeclRefExpr>(S))
    if (Ref->getDecl()->getCanonicalDecl() == F->getCanonicalDecl())
      return true;
  if (const auto *Lookup = dyn_cast<UnresolvedLookupExpr>(S))
    for (const NamedDecl *D : Lookup->decls())
      if (const FunctionDecl *G = D->getAsFunction();
          G && G->getCanonicalDecl() == F->getCanonicalDecl())
        return true;
  for (const Stmt *Child : S->children())
    if (refersTo(Child, F))
      return true;
  return false;
}

/// True if \p F's body names \p F and nothing declared it before.
static bool needsDeclaration(const FunctionDecl *F) {
  return !F->getPreviousDecl() && !isa<CXXMethodDecl>(F) &&
         refersTo(F->getBody(), F);
}

/// A COSM_ASYNC lambda keeps its introducer and parameters; its body only
/// creates the frame.
std::string Printer::lambdaBody() {
  const FunctionDecl *F = Plan.function();
  for (const auto *A : F->specific_attrs<AnnotateAttr>())
    if (A->getAnnotation() == "cosm.async" && !A->isInherited())
      if (auto Where = annotationSpan(A, Text))
        Text.replace(*Where, "");
  std::string Args;
  if (!Plan.SelfType.empty())
    Args = (Plan.SelfCopy ? "*" : "") + Plan.LambdaSelf;
  bool Captures = false, ByReference = false;
  for (const FrameVar &P : Plan.Params) {
    Args += (Args.empty() ? "" : ", ") + fromLambda(P);
    Captures |= P.Capture != nullptr;
    ByReference |= P.Capture && P.Store == Storage::Ref;
  }
  std::string Comment = "// Calling the lambda creates its frame and runs "
                        "nothing.";
  if (Captures)
    Comment += ByReference ? " The frame holds copies of the captures by "
                             "value (safe after the closure is gone) and "
                             "references for the captures by reference."
                           : " The frame holds copies of the captures (safe "
                             "after the closure is gone).";
  // A result type that names a parameter, a capture or the object is
  // left to the frame, whose base class spells it.
  if (Plan.CallResultType != Plan.ResultType)
    return "{\n" + Comment + "\nreturn cosm::detail::make_coro<" +
           Plan.FrameName + Plan.TemplateArgs + ">(" + Args + ");\n}";
  return "{\n" + Comment + "\nreturn cosm::Coro<" + Plan.CallResultType + ">" +
         (Plan.Dependent ? "::template make<" : "::make<") + Plan.FrameName +
         Plan.TemplateArgs + ">(" + Args + ");\n}";
}

std::optional<std::string> Printer::function(const std::string &Inside) {
  const FunctionDecl *F = Plan.function();
  if (Plan.Lambda)
    return lambdaBody();
  const auto *Body = cast<CompoundStmt>(F->getBody());
  // The signature as written, without COSM_ASYNC.
  for (const auto *A : F->specific_attrs<AnnotateAttr>())
    if (A->getAnnotation() == "cosm.async" && !A->isInherited())
      if (auto Where = annotationSpan(A, Text))
        Text.replace(*Where, "");
  auto Head =
      Text.span(SourceRange(F->getOuterLocStart(), Body->getLBracLoc()));
  if (auto Start = attributesStart(F, Text); Head && Start)
    Head->Begin = std::min(Head->Begin, *Start);
  if (!Head) {
    report(Diags, F->getLocation(), Diag::InMacro, "this function's signature");
    return std::nullopt;
  }
  std::string Signature = Text.render(*Head);
  Signature.pop_back(); // the body's '{'
  if (needsDeclaration(F)) {
    // The frame calls the function it belongs to (recursion): declare the
    // function first. The default arguments move to that declaration.
    Declaration = Signature + ";\n\n";
    for (const ParmVarDecl *P : F->parameters())
      if (P->hasDefaultArg() && !P->hasInheritedDefaultArg())
        if (auto Default = Text.span(P->getDefaultArgRange())) {
          StringRef Before = Text.original({Head->Begin, Default->Begin});
          size_t Equals = Before.rfind('=');
          if (Equals != StringRef::npos)
            Text.replace({Head->Begin +
                              unsigned(Before.substr(0, Equals).rtrim().size()),
                          Default->End},
                         "");
        }
    Signature = Text.render(*Head);
    Signature.pop_back();
  }
  std::string Args;
  auto Arg = [&](const std::string &Text) {
    Args += (Args.empty() ? "" : ", ") + Text;
  };
  if (!Plan.SelfType.empty())
    Arg("this");
  for (const FrameVar &P : Plan.Params)
    Arg(passed(P.Decl, P.Decl->getName().str()) +
        (P.PackMember.empty() ? "" : "..."));
  auto Written = Text.span(F->getReturnTypeSourceRange());
  std::string Coro = Written ? Text.original(*Written).str()
                             : "cosm::Coro<" + Plan.CallResultType + ">";
  // Awaits of an internal function may all build its frame in place
  // (embedded), leaving the function itself unused.
  if (!F->isExternallyVisible() && !isa<CXXMethodDecl>(F))
    Signature = "[[maybe_unused]] " + Signature;
  // An out-of-line member's signature starts with all its headers.
  std::string Header = Plan.TemplateHeader.empty() || !Plan.OuterHeaders.empty()
                           ? ""
                           : Plan.TemplateHeader + "\n";
  if (!Declaration.empty())
    Declaration = Header + Declaration;
  std::string Creates =
      "// Calling " + Plan.DisplayName +
      "() creates its frame and runs nothing.\nreturn " + Coro +
      (Plan.Dependent ? "::template make<" : "::make<") + Plan.FrameName +
      Plan.TemplateArgs + ">(" + Args + ");\n}\n";
  if (!Lines)
    return Header + Signature + "{\n" + Inside + Creates;
  // The signature as written; the glue inside maps to the function's line.
  return mapped(Header, Model.FunctionLine) +
         Lines->directive(Lines->line(F->getOuterLocStart())) + Signature +
         "{\n" + Inside + mapped(Creates, Model.FunctionLine);
}

std::optional<PrintedFunction> Printer::run() {
  for (const Op &O : Model.Body)
    op(O);
  std::string Resume =
      mapped(dispatch(Model.TopCases, /*Reset=*/false), Model.FunctionLine) +
      Out;
  PrintedFunction Result;
  if (Plan.LocalFrame && !Plan.Lambda) {
    // The frame is a local class of the member: it goes in its body (a
    // lambda's goes where Output puts the lambda frames of its member).
    std::string Frame = frameStruct(Resume);
    std::optional<std::string> Function = function(Frame + "\n");
    if (!Function)
      return std::nullopt;
    Result.Function = mapped(Declaration, Model.FunctionLine) + *Function;
    Result.BodyStart = Result.Function.find("{\n" + Frame);
    if (Result.BodyStart != std::string::npos)
      Result.BodyStart += 2;
    return Result;
  }
  std::optional<std::string> Function = function("");
  if (!Function)
    return std::nullopt;
  Result.Function = std::move(*Function);
  Result.Frame = mapped(Declaration, Model.FunctionLine) + frameStruct(Resume);
  return Result;
}

} // namespace

std::optional<PrintedFunction> printFrame(const FrameModel &Model,
                                          EditedText &Text,
                                          DiagnosticsEngine &Diags,
                                          const LineDirectives *Lines) {
  return Printer(Model, Text, Diags, Lines).run();
}

} // namespace cosm
