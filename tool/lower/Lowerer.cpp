//===- lower/Lowerer.cpp - Operations, scopes and the finished model ------===//
//
// resume() is one switch on `state` that jumps to a label at the resume
// point, followed by the body. Every resume point is a label; a label inside
// a try block is reached through a second switch at the top of that block,
// because C++ forbids jumping into a try block from outside.
//
//===----------------------------------------------------------------------===//

#include "lower/Lowerer.h"
#include "llvm/ADT/STLExtras.h"

using namespace clang;

namespace cosm {

Lowerer::Lowerer(const FunctionPlan &Plan, ASTContext &Context,
                 EditedText &Text, const LineDirectives &Lines)
    : Plan(Plan), Context(Context), Text(Text), Diags(Context.getDiagnostics()),
      Lines(Lines) {
  for (const auto &Name : Plan.takenNames())
    Taken.insert(Name.getKey());
  Model.Plan = &Plan;
  Model.LiveBits = Plan.LiveBits;
  for (const FrameVar &V : Plan.Locals)
    if (V.LiveBit >= 0 && V.Decl->getType()->isArrayType())
      Model.ArrayBits.insert(V.LiveBit);
  Model.FunctionLine = Lines.line(Plan.function()->getLocation());
  Model.LinesName = freshName("lines");
  Model.FileLiteral = Lines.quotedFile();
}

Op &Lowerer::add(Op::Kind What, std::string S, unsigned Line) {
  Op Next;
  Next.What = What;
  Next.Text = std::move(S);
  Next.Line = Line;
  Model.Body.push_back(std::move(Next));
  return Model.Body.back();
}

/// True if the body's last line holds a placeholder (a switch or a local
/// type that is filled in later): nothing may be appended to it.
bool Lowerer::lastLineHasPlaceholder() const {
  for (auto It = Model.Body.rbegin(); It != Model.Body.rend(); ++It) {
    switch (It->What) {
    case Op::Dispatch:
    case Op::BranchEntries:
    case Op::LocalType:
      return true;
    case Op::Code:
    case Op::Glue:
    case Op::User:
      if (!It->Text.empty() && StringRef(It->Text).drop_back().contains('\n'))
        return false;
      break;
    default:
      return false;
    }
  }
  return false;
}

SourcePos Lowerer::pos(SourceLocation Loc) const {
  const SourceManager &SM = Context.getSourceManager();
  SourceLocation At = SM.getExpansionLoc(Loc);
  if (!At.isValid() || !SM.isWrittenInMainFile(At))
    return {};
  return {SM.getPresumedLineNumber(At), SM.getExpansionColumnNumber(At)};
}

std::string Lowerer::freshName(StringRef Stem) {
  return uniqueName(Taken, Stem);
}

std::string Lowerer::member(MemberRole Role, std::string Type, StringRef Stem,
                            bool InUnion, int LiveBit) {
  std::string Name = freshName(Stem);
  Model.Members.push_back({Role, std::move(Type), Name, InUnion, LiveBit,
                           SourcePos{CurrentLine, 0}});
  return Name;
}

bool Lowerer::fail(SourceLocation Loc, Diag Kind, StringRef Arg) {
  if (!Failed)
    report(Diags, Loc, Kind, Arg);
  Failed = true;
  return false;
}

std::optional<Span> Lowerer::spanOf(const Stmt *S) {
  auto Where = Text.span(S->getSourceRange());
  if (!Where)
    fail(S->getBeginLoc(), Diag::InMacro, "this code");
  return Where;
}

std::string Lowerer::addressOf(const Expr *E, const std::string &Value) {
  return (E && E->isXValue() ? "cosm::detail::address_of("
                             : "std::addressof(") +
         Value + ")";
}

std::string Lowerer::exprType(const Expr *E, bool Unqualified) {
  QualType Type = E->getType().getNonReferenceType();
  if (Unqualified)
    Type = Type.getUnqualifiedType();
  const auto *Auto = Type->getContainedDeducedType();
  if ((!Auto || !Auto->getDeducedType().isNull()) &&
      !FunctionPlan::namesAutoParameter(Type))
    return typeText(Type);
  std::string Code = Plan.unevaluated(E);
  if (Code.empty()) {
    spanOf(E);
    return "";
  }
  Code = "std::remove_reference_t<decltype((" + Code + "))>";
  return Unqualified ? "std::remove_cv_t<" + Code + ">" : Code;
}

std::string Lowerer::render(const Stmt *S) {
  auto Where = spanOf(S);
  return Where ? Text.render(*Where) : std::string();
}

void Lowerer::replace(const Stmt *S, std::string With) {
  if (auto Where = spanOf(S))
    Text.replace(*Where, std::move(With));
}

//===----------------------------------------------------------------------===//
// Scopes
//===----------------------------------------------------------------------===//

void Lowerer::destroy(const std::vector<Cleanup> &Cleanups, Exit &Record) {
  for (auto It = Cleanups.rbegin(); It != Cleanups.rend(); ++It) {
    if (It->LiveBit < 0) {
      code(It->Name + " = nullptr;\n");
      continue;
    }
    add(Op::Destroy, It->Name, CurrentLine).Bit = It->LiveBit;
    Record.Destroys.push_back(It->Name);
  }
}

void Lowerer::popScope(SourceLocation End) {
  Exit Record{Exit::ScopeEnd, pos(End), {}};
  destroy(Scopes.back(), Record);
  dropScope();
  if (!Record.Destroys.empty())
    Model.Exits.push_back(std::move(Record));
}

/// Leaves every scope from \p Depth on, newest first.
void Lowerer::exitScopes(Exit::Kind What, SourceLocation Loc, size_t Depth) {
  Exit Record{What, pos(Loc), {}};
  for (size_t I = Scopes.size(); I-- > Depth;)
    destroy(Scopes[I], Record);
  Model.Exits.push_back(std::move(Record));
}

/// Marks \p Bit's object alive. Bits are numbered in the plan, but the
/// frame's unwind() must destroy in reverse order of construction, which is
/// the order of these operations.
void Lowerer::setLive(int Bit) {
  add(Op::SetLive, {}, CurrentLine).Bit = Bit;
  if (llvm::find(Constructed, Bit) == Constructed.end())
    Constructed.push_back(Bit);
}

void Lowerer::constructed(const std::string &Name, int LiveBit,
                          SourceLocation Declared) {
  if (LiveBit < 0)
    return;
  setLive(LiveBit);
  Scopes.back().push_back({Name, LiveBit, Declared});
  if (!Open.empty())
    Open.back().Objects.push_back({Name, LiveBit});
}

//===----------------------------------------------------------------------===//
// The result
//===----------------------------------------------------------------------===//

void Lowerer::finishModel() {
  // unwind() destroys the alive objects newest first: in reverse order of
  // construction (an object never constructed ranks last).
  std::vector<std::pair<int, std::string>> ByBit;
  for (const FrameVar &L : Plan.Locals)
    if (L.LiveBit >= 0)
      ByBit.push_back({L.LiveBit, L.Name});
  for (const auto &Kept : TempBits)
    ByBit.push_back(Kept);
  auto Rank = [&](int Bit) {
    return llvm::find(Constructed, Bit) - Constructed.begin();
  };
  llvm::stable_sort(ByBit, [&](const auto &A, const auto &B) {
    return Rank(A.first) < Rank(B.first);
  });
  Model.UnwindOrder.assign(ByBit.rbegin(), ByBit.rend());
  Exit Unwind{Exit::Unwind, pos(Plan.function()->getLocation()), {}};
  for (const auto &Child : Model.Children)
    Unwind.Destroys.push_back(Child);
  for (const auto &Object : Model.UnwindOrder)
    Unwind.Destroys.push_back(Object.second);
  Model.Exits.push_back(std::move(Unwind));
}

std::optional<FrameModel> Lowerer::run() {
  const auto *Body = cast<CompoundStmt>(Plan.function()->getBody());
  compound(Body, /*Braces=*/false);
  if (Failed)
    return std::nullopt;
  const Stmt *Last = Body->body_empty() ? nullptr : Body->body_back();
  while (const auto *Label = dyn_cast_or_null<LabelStmt>(Last))
    Last = Label->getSubStmt();
  if (!isa_and_nonnull<ReturnStmt>(Last)) {
    Model.FallsOff = true;
    add(Op::Code, "return finish();\n");
  }
  // Local types stay in resume() unless the frame names one.
  Model.NestedTypes = Plan.NamesLocalType || NamesLocalType;
  if (Model.NestedTypes && Clash.isValid()) {
    fail(Clash, Diag::Unsupported,
         "two types of the same name declared in one async function whose "
         "frame names one of them");
    return std::nullopt;
  }
  finishModel();
  Model.LocalSlots = shareStorage(Plan, Context.getSourceManager());
  return std::move(Model);
}

std::optional<FrameModel> lowerFunction(const FunctionPlan &Plan,
                                        ASTContext &Context, EditedText &Text,
                                        const LineDirectives &Lines) {
  return Lowerer(Plan, Context, Text, Lines).run();
}

} // namespace cosm
