//===- lower/Loops.cpp - Loops, switch, break, continue and goto ---------===//
//
// A loop whose header does not suspend keeps its shape; one whose condition
// or increment suspends becomes `while (true)` with the condition evaluated
// at the top of every iteration. A range-for whose body suspends is spelled
// out so that the range and the iterators live in the frame.
//
//===----------------------------------------------------------------------===//

#include "lower/Lowerer.h"

using namespace clang;

namespace cosm {

void Lowerer::loopBody(const Stmt *Body, std::string ContinueTo) {
  Targets.push_back({true, Scopes.size(), std::move(ContinueTo)});
  block(Body);
}

/// The start of an iteration that declares the condition's variable:
/// `T x = e; if (!x) break;` in a scope of its own, which the caller ends.
/// `break` and leaving by the condition end it too; `continue` does not
/// when the loop has an increment to run first.
void Lowerer::conditionVariable(const Stmt *Loop, const DeclStmt *Variable,
                                std::string ContinueTo) {
  size_t Outside = Scopes.size();
  pushScope(Loop);
  Targets.push_back({true, Outside, std::move(ContinueTo)});
  if (!Targets.back().ContinueTo.empty())
    Targets.back().ContinueDepth = Scopes.size();
  stmt(Variable);
  const auto *V = cast<VarDecl>(Variable->getSingleDecl());
  code("if (!static_cast<bool>(" + variableUse(V) + ")) {\n");
  exitScopes(Exit::Break, Loop->getBeginLoc(), Outside);
  code("break;\n}\n");
}

void Lowerer::whileStmt(const WhileStmt *W) {
  if (const DeclStmt *Variable = W->getConditionVariableDeclStmt();
      Variable && headIsLowered(W, nullptr, Variable)) {
    // `while (T x = e) body`: each iteration declares x and ends it.
    code("while (true) {\n");
    conditionVariable(W, Variable);
    block(W->getBody());
    Targets.pop_back();
    popScope(W->getEndLoc());
    code("}\n");
    return;
  }
  if (!Plan.containsAwait(W->getCond())) {
    code("while (" +
         head(nullptr, W->getConditionVariableDeclStmt(), W->getCond()) + ") ");
    loopBody(W->getBody());
    Targets.pop_back();
    return;
  }
  code("while (true) {\n");
  std::string Cond = condition(W->getCond());
  code("if (!(" + Cond + "))\nbreak;\n");
  loopBody(W->getBody());
  Targets.pop_back();
  code("}\n");
}

void Lowerer::doStmt(const DoStmt *D) {
  if (!Plan.containsAwait(D->getCond())) {
    code("do ");
    loopBody(D->getBody());
    Targets.pop_back();
    code("while (" + render(D->getCond()) + ");\n");
    return;
  }
  std::string Next = freshName("next");
  code("while (true) {\n");
  loopBody(D->getBody(), Next);
  bool Used = Targets.back().ContinueUsed;
  Targets.pop_back();
  if (Used)
    code(Next + ":;\n");
  std::string Cond = condition(D->getCond());
  code("if (!(" + Cond + "))\nbreak;\n}\n");
}

/// `for (; cond; inc) body` with a header that does not suspend.
static std::string forHead(const std::string &Init, const std::string &Cond,
                           const std::string &Inc) {
  return "for (" + Init + " " + Cond + "; " + Inc + ") ";
}

void Lowerer::forStmt(const ForStmt *F) {
  if (const DeclStmt *Variable = F->getConditionVariableDeclStmt();
      Variable && headIsLowered(F, F->getInit(), Variable))
    return forConditionVariable(F, Variable);
  const Stmt *Init = F->getInit();
  bool HeaderSuspends =
      Plan.containsAwait(F->getCond()) || Plan.containsAwait(F->getInc());
  const auto *InitDecl = dyn_cast_or_null<DeclStmt>(Init);
  const FrameVar *Counter =
      InitDecl && InitDecl->isSingleDecl()
          ? Plan.frameVar(dyn_cast<VarDecl>(InitDecl->getSingleDecl()))
          : nullptr;
  bool InitKept =
      Init && !Plan.containsAwait(Init) &&
      (!InitDecl || !Counter ||
       (Counter->Store == Storage::Plain && Counter->Decl->getInit()));
  std::string Inc = F->getInc() && !HeaderSuspends ? render(F->getInc()) : "";

  if (!HeaderSuspends && (InitKept || !Init)) {
    // `for (int i = 0; ...)` reads `for (i = 0; ...)` when i is a member.
    std::string InitText = ";";
    if (Counter)
      InitText = Counter->Name + " = " + expr(Counter->Decl->getInit()) + ";";
    else if (Init)
      InitText = render(Init) + (isa<DeclStmt>(Init) ? "" : ";");
    code(forHead(InitText, forCondition(F), Inc));
    loopBody(F->getBody());
    Targets.pop_back();
    return;
  }
  code("{\n");
  pushScope(F);
  if (Init)
    stmt(Init);
  if (!HeaderSuspends) {
    code(forHead(";", forCondition(F), Inc));
    loopBody(F->getBody());
    Targets.pop_back();
  } else {
    std::string Next = freshName("next");
    code("while (true) {\n");
    if (F->getCond()) {
      std::string Cond = condition(F->getCond());
      code("if (!(" + Cond + "))\nbreak;\n");
    }
    loopBody(F->getBody(), Next);
    bool Used = Targets.back().ContinueUsed;
    Targets.pop_back();
    if (Used)
      code(Next + ":;\n");
    if (F->getInc())
      stmt(F->getInc());
    code("}\n");
  }
  popScope(F->getEndLoc());
  code("}\n");
}

/// `for (init; T x = e; inc) body`: x lives through the body and the
/// increment, and ends with each iteration ([stmt.for]).
void Lowerer::forConditionVariable(const ForStmt *F, const DeclStmt *Variable) {
  code("{\n");
  pushScope(F);
  if (F->getInit())
    stmt(F->getInit());
  std::string Next = F->getInc() ? freshName("next") : "";
  code("while (true) {\n");
  conditionVariable(F, Variable, Next);
  block(F->getBody());
  bool Used = Targets.back().ContinueUsed;
  Targets.pop_back();
  if (Used)
    code(Next + ":;\n");
  if (F->getInc())
    stmt(F->getInc());
  popScope(F->getEndLoc());
  code("}\n");
  popScope(F->getEndLoc());
  code("}\n");
}

/// A `for` condition that does not suspend, as written.
std::string Lowerer::forCondition(const ForStmt *F) {
  if (!F->getCond())
    return "";
  return head(nullptr, F->getConditionVariableDeclStmt(), F->getCond());
}

/// Keeps a range-for's range in the frame: the range itself when it is a
/// temporary, else a pointer to it. Returns how the loop names it.
std::string Lowerer::rangeMember(const Expr *RangeInit) {
  std::string Value = expr(RangeInit);
  if (const auto *List =
          dyn_cast<CXXStdInitializerListExpr>(RangeInit->IgnoreImplicit())) {
    // The array behind a braced list would die with the list where it is
    // written, so the frame holds the array itself: a `const std::array`
    // copy-initialised element by element, as the list's own array is, and
    // read as const, as the list's elements are.
    const auto *Array = Context.getAsConstantArrayType(
        List->getSubExpr()->IgnoreImplicit()->getType());
    std::string Type =
        "std::array<" + typeText(Array->getElementType().getUnqualifiedType()) +
        ", " + std::to_string(Array->getSize().getZExtValue()) + ">";
    int Bit = needsDestruction(Array->getElementType()) ? Model.LiveBits++ : -1;
    std::string Range =
        member(MemberRole::Range, Type, "range", /*InUnion=*/true, Bit);
    code("::new (&" + Range + ") " + Type + "{" + Value + "};\n");
    endFullExpression();
    if (Bit >= 0)
      TempBits.push_back({Bit, Range});
    constructed(Range, Bit);
    return "std::as_const(" + Range + ")";
  }
  if (RangeInit->isPRValue()) {
    std::string Type = exprType(RangeInit, /*Unqualified=*/true);
    int Bit = needsDestruction(RangeInit->getType()) ? Model.LiveBits++ : -1;
    std::string Range = member(MemberRole::Range, Type, "range",
                               /*InUnion=*/true, Bit);
    code("::new (&" + Range + ") " + Type + "(" + Value + ");\n");
    endFullExpression();
    if (Bit >= 0)
      TempBits.push_back({Bit, Range});
    constructed(Range, Bit);
    return Range;
  }
  std::string Pointer =
      member(MemberRole::Range, exprType(RangeInit) + " *", "range");
  code(Pointer + " = " + addressOf(RangeInit, Value) + ";\n");
  endFullExpression();
  return "(*" + Pointer + ")";
}

void Lowerer::rangeFor(const CXXForRangeStmt *F) {
  if (F->getInit() && headIsLowered(F, F->getInit(), nullptr)) {
    // C++20's `for (init; T x : range)` is `{ init; for (T x : range) }`.
    code("{\n");
    pushScope(F);
    stmt(F->getInit());
    rangeLoop(F);
    popScope(F->getEndLoc());
    code("}\n");
    return;
  }
  rangeLoop(F);
}

void Lowerer::rangeLoop(const CXXForRangeStmt *F) {
  const VarDecl *Var = F->getLoopVariable();
  const FrameVar *Loop = Plan.frameVar(Var);
  if (!Loop) {
    // The body does not suspend: the loop stays as written.
    if (Plan.containsAwait(F->getRangeInit()))
      replace(F->getRangeInit(), expr(F->getRangeInit()));
    auto Head = Text.span(SourceRange(F->getLoopVarStmt()->getBeginLoc(),
                                      F->getRangeInit()->getEndLoc()));
    if (!Head) {
      fail(F->getBeginLoc(), Diag::InMacro, "this loop");
      return;
    }
    code("for (" + Text.render(*Head) + ") ");
    loopBody(F->getBody());
    Targets.pop_back();
    return;
  }
  code("{\n");
  pushScope(F);
  const Expr *RangeInit = F->getRangeInit();
  // A temporary range (`for (auto x : make())`) lives in the frame; Clang
  // shows it as the temporary `auto &&__range` binds.
  if (const auto *Temporary =
          dyn_cast<MaterializeTemporaryExpr>(boundExpr(RangeInit)))
    RangeInit = Temporary->getSubExpr();
  std::string Range = rangeMember(RangeInit);
  auto Call = [&](const VarDecl *Iterator, StringRef Name) {
    const Expr *Init = Iterator->getInit()->IgnoreImplicit();
    if (isa<CXXMemberCallExpr>(Init))
      return Range + "." + Name.str() + "()";
    if (isa<CallExpr>(Init))
      return Name.str() + "(" + Range + ")";
    return "std::" + Name.str() + "(" + Range + ")";
  };
  const VarDecl *BeginVar =
      F->getBeginStmt() ? cast<VarDecl>(F->getBeginStmt()->getSingleDecl())
                        : nullptr;
  const VarDecl *EndVar = F->getEndStmt()
                              ? cast<VarDecl>(F->getEndStmt()->getSingleDecl())
                              : nullptr;
  std::string Begin, End, BeginCall, EndCall;
  if (BeginVar && EndVar) {
    Begin =
        member(MemberRole::Range, typeText(BeginVar->getType()), "range_begin");
    End = member(MemberRole::Range, typeText(EndVar->getType()), "range_end");
    BeginCall = Call(BeginVar, "begin");
    EndCall = Call(EndVar, "end");
  } else {
    // A range whose type depends on a template parameter.
    std::string RangeType = exprType(RangeInit);
    Begin = member(MemberRole::Range,
                   "decltype(std::begin(std::declval<" + RangeType + " &>()))",
                   "range_begin");
    End = member(MemberRole::Range,
                 "decltype(std::end(std::declval<" + RangeType + " &>()))",
                 "range_end");
    BeginCall = "std::begin(" + Range + ")";
    EndCall = "std::end(" + Range + ")";
  }
  code("for (" + Begin + " = " + BeginCall + ", " + End + " = " + EndCall +
       "; " + Begin + " != " + End + "; ++" + Begin + ") {\n");
  Targets.push_back({true, Scopes.size(), {}});
  pushScope(F->getBody());
  std::string Element = "*" + Begin;
  switch (Loop->Store) {
  case Storage::Plain:
    code(Loop->Name + " = " + Element + ";\n");
    break;
  case Storage::Pointer:
    code(Loop->Name + " = " +
         addressOf(F->getLoopVariable()->getInit(), Element) + ";\n");
    break;
  case Storage::Object:
  case Storage::Ref:
    code("::new (&" + Loop->Name + ") " + Loop->Type + "(" + Element + ");\n");
    constructed(Loop->Name, Loop->LiveBit, Var->getLocation());
    break;
  }
  block(F->getBody());
  popScope(F->getBody()->getEndLoc());
  Targets.pop_back();
  code("}\n");
  popScope(F->getEndLoc());
  code("}\n");
}

void Lowerer::switchStmt(const SwitchStmt *S) {
  const DeclStmt *Variable = S->getConditionVariableDeclStmt();
  if (headIsLowered(S, S->getInit(), Variable)) {
    // As an `if`'s: `{ init; T x = e; switch (x) ... }`.
    code("{\n");
    pushScope(S);
    headDecls(S->getInit(), Variable);
    switchOn(S, Variable ? variableUse(S->getConditionVariable())
                         : expr(S->getCond()));
    popScope(S->getEndLoc());
    code("}\n");
    return;
  }
  switchOn(S, S->getInit() || Variable
                  ? head(S->getInit(), Variable, S->getCond())
                  : expr(S->getCond()));
}

void Lowerer::switchOn(const SwitchStmt *S, std::string Cond) {
  if (!Temps.empty() || !Handles.empty()) {
    std::string Name = member(MemberRole::Selector,
                              typeText(S->getCond()->getType()), "selector");
    code(Name + " = " + Cond + ";\n");
    endFullExpression();
    Cond = Name;
  }
  code("switch (" + Cond + ") ");
  Targets.push_back({false, Scopes.size(), {}});
  block(S->getBody());
  Targets.pop_back();
}

void Lowerer::jump(const Stmt *S) {
  bool IsBreak = isa<BreakStmt>(S);
  Exit::Kind What = IsBreak ? Exit::Break : Exit::Continue;
  for (auto It = Targets.rbegin(); It != Targets.rend(); ++It) {
    if (!IsBreak && !It->IsLoop)
      continue;
    exitScopes(What, S->getBeginLoc(),
               IsBreak ? It->ScopeDepth
                       : It->ContinueDepth.value_or(It->ScopeDepth));
    if (IsBreak)
      return code("break;\n");
    if (It->ContinueTo.empty())
      return code("continue;\n");
    It->ContinueUsed = true;
    return code("goto " + It->ContinueTo + ";\n");
  }
  code(IsBreak ? "break;\n" : "continue;\n");
}

/// True if \p Target is \p S or inside it.
static bool encloses(const Stmt *S, const Stmt *Target) {
  if (S == Target)
    return true;
  for (const Stmt *Child : S->children())
    if (Child && encloses(Child, Target))
      return true;
  return false;
}

/// A jump is a jump in the state machine too: `goto L` ends the frame
/// objects of every scope it leaves, and of the scope it stays in those
/// declared after L (a jump back before a declaration ends the object, as
/// in C++). Jumps into a scope past an initialisation are C++ errors,
/// already reported by Clang.
void Lowerer::gotoStmt(const GotoStmt *G) {
  const LabelStmt *Target = G->getLabel()->getStmt();
  size_t Depth = Scopes.size();
  while (Depth > 0 && !encloses(ScopeOwners[Depth - 1], Target))
    --Depth;
  Exit Record{Exit::Goto, pos(G->getBeginLoc()), {}};
  for (size_t I = Scopes.size(); I-- > Depth;)
    destroy(Scopes[I], Record);
  if (Depth > 0) {
    const SourceManager &SM = Context.getSourceManager();
    std::vector<Cleanup> After;
    for (const Cleanup &C : Scopes[Depth - 1])
      if (C.Declared.isValid() &&
          SM.isBeforeInTranslationUnit(Target->getBeginLoc(), C.Declared))
        After.push_back(C);
    destroy(After, Record);
  }
  Model.Exits.push_back(std::move(Record));
  code("goto " + labelName(G->getLabel()) + ";\n");
}

/// A user's label keeps its name, unless it is spelled like a label the
/// frame uses (`resume_1`, `branch_1`): then it gets a fresh one.
std::string Lowerer::labelName(const LabelDecl *Label) {
  auto [It, New] = Labels.try_emplace(Label);
  if (New) {
    StringRef Name = Label->getName();
    bool Generated = false;
    for (StringRef Prefix : {"resume_", "branch_"})
      if (Name.starts_with(Prefix) &&
          llvm::all_of(Name.drop_front(Prefix.size()),
                       [](char C) { return isDigit(C); }) &&
          Name.size() > Prefix.size())
        Generated = true;
    It->second = Generated ? freshName(Name.str() + "_user") : Name.str();
  }
  return It->second;
}

} // namespace cosm
