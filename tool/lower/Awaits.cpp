//===- lower/Awaits.cpp - Suspension points -------------------------------===//
//
// The two kinds of await. Awaiting a coroutine runs it inline: the child's
// frame is stepped from here, and when it suspends the whole chain waits.
// Awaiting a task or a future registers this task's wake-up as its done
// callback and returns to the loop, unless it is already done.
//
//===----------------------------------------------------------------------===//

#include "lower/Lowerer.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "llvm/Support/FormatVariadic.h"

using namespace clang;

namespace cosm {

void Lowerer::resumePoint(unsigned State) {
  std::string Label = llvm::formatv("resume_{0}", State).str();
  if (Open.empty()) {
    Model.TopCases.push_back({State, Label});
    return;
  }
  Open.back().R.Cases.push_back({State, Label});
  // Outer regions and the top-level switch jump to the innermost one's
  // entry, each to the next.
  for (size_t I = Open.size() - 1; I > 0; --I)
    Open[I - 1].R.Cases.push_back({State, Open[I].R.Entry});
  Model.TopCases.push_back({State, Open.front().R.Entry});
}

bool Lowerer::inConstexprBranch() const {
  return std::any_of(Open.begin(), Open.end(), [](const OpenRegion &R) {
    return R.R.What == Region::ConstexprBranch;
  });
}

/// \p E expands a parameter pack.
static bool expandsPack(const Expr *E) {
  struct Finder : RecursiveASTVisitor<Finder> {
    bool Found = false;
    bool VisitPackExpansionExpr(PackExpansionExpr *) {
      Found = true;
      return false;
    }
  } F;
  F.TraverseStmt(const_cast<Expr *>(E));
  return F.Found;
}

std::string Lowerer::constexprHint(const Expr *Operand) const {
  if (!inConstexprBranch() || !expandsPack(Operand))
    return "";
  return std::string(" (it expands a pack in a branch of a dependent 'if "
                     "constexpr', and the frame names the type in every "
                     "instantiation: give the callee a return type that does "
                     "not depend on its arguments)");
}

/// The return type all candidates of an unresolved call share, if it does
/// not depend on the template arguments.
static std::optional<QualType> commonReturnType(const CallExpr *Call) {
  const auto *Lookup =
      dyn_cast<UnresolvedLookupExpr>(Call->getCallee()->IgnoreParenImpCasts());
  if (!Lookup)
    return std::nullopt;
  std::optional<QualType> Common;
  for (const NamedDecl *D : Lookup->decls()) {
    const NamedDecl *U = D->getUnderlyingDecl();
    if (const auto *T = dyn_cast<FunctionTemplateDecl>(U))
      U = T->getTemplatedDecl();
    const auto *F = dyn_cast<FunctionDecl>(U);
    if (!F)
      return std::nullopt;
    QualType R = F->getReturnType();
    if (R->isDependentType() || R->isUndeducedType() ||
        (Common && !F->getASTContext().hasSameType(*Common, R)))
      return std::nullopt;
    Common = R;
  }
  return Common;
}

/// Whether the frame can spell \p Type as written: not left to an
/// instantiation, not deduced later, no generic lambda's `auto` parameter.
static bool nameable(QualType Type) {
  return !Type->isSpecificBuiltinType(BuiltinType::Dependent) &&
         !Type->isUndeducedType() && !dependentAuto(Type) &&
         !FunctionPlan::namesAutoParameter(Type);
}

std::string Lowerer::childType(const Expr *Operand) {
  QualType Type = Operand->getType();
  if (nameable(Type))
    return typeText(Type.getNonReferenceType().getUnqualifiedType());
  // In a template the call may not be resolved yet.
  if (const auto *Call = dyn_cast<CallExpr>(Operand->IgnoreParenImpCasts())) {
    // A lambda called where it is written (an async one, say) has a
    // dependent closure type even when its result type is written.
    const Expr *Callee = isa<CXXOperatorCallExpr>(Call) && Call->getNumArgs()
                             ? Call->getArg(0)
                             : Call->getCallee();
    if (const LambdaExpr *L = lambdaIn(Callee)) {
      if (QualType Result = L->getCallOperator()->getReturnType();
          nameable(Result))
        return typeText(Result);
    }
    if (const FunctionDecl *Callee = Call->getDirectCallee())
      if (QualType Result = Callee->getReturnType(); nameable(Result))
        return typeText(Result);
    // An unresolved call (recursion over a pack, overloads): every
    // candidate returning the same type names it, in every instantiation.
    if (std::optional<QualType> Common = commonReturnType(Call))
      return typeText(*Common);
  }
  // In a branch of a dependent `if constexpr` an operand that expands the
  // pack (recursion over it) is ill-formed in the instantiations that
  // discard the branch (the empty pack), yet the frame declares the member
  // in all of them.
  if (inConstexprBranch() && expandsPack(Operand))
    return "";
  // The frame's members carry the names the operand uses, so the operand
  // itself names the type (an unevaluated use of members is fine in a class).
  // A call gives a prvalue; anything else (`tasks[i]`) may be an lvalue.
  // C++17 has no lambda in an unevaluated operand.
  if (containsLambda(Operand))
    return "";
  std::string Code = Plan.unevaluated(Operand);
  if (Code.empty())
    return "";
  if (isa<CallExpr>(Operand->IgnoreParens()))
    return "decltype(" + Code + ")";
  return "std::remove_cv_t<std::remove_reference_t<decltype(" + Code + ")>>";
}

/// The operand as the per-site comment shows it: one line, short.
static std::string shown(const Expr *Operand, const EditedText &Text) {
  auto Where = Text.span(Operand->getSourceRange());
  std::string Shown = Where ? Text.original(*Where).str() : "the operand";
  std::replace(Shown.begin(), Shown.end(), '\n', ' ');
  if (Shown.size() > 60)
    Shown = Shown.substr(0, 57) + "...";
  return Shown;
}

std::string Lowerer::await(const CallExpr *A) {
  const Expr *Operand = A->getArg(0);
  unsigned State = ++States;
  AtLine Here(*this, A->getBeginLoc());
  std::optional<AwaitKind> Kind = awaitKind(A);
  // A task or future of a type a template parameter decides
  // (`cosm::shield(id(v))`) has no type to print either.
  if ((!Kind || Kind == AwaitKind::Task || Kind == AwaitKind::Future) &&
      Operand->isTypeDependent())
    Kind = AwaitKind::Dependent;
  const Expr *Delay = nullptr;
  if (Kind == AwaitKind::Coroutine && (Delay = sleepDelay(Operand)))
    Kind = AwaitKind::Sleep;
  if (!Kind) {
    fail(A->getBeginLoc(), Diag::Unsupported,
         "an await of an operand that is not a cosm::Coro, Task or Future");
    return "";
  }
  Suspension Point;
  Point.State = State;
  Point.Await = A;
  Point.Kind = *Kind;
  Point.Operand = shown(Operand, Text);
  Point.Region = Open.empty() ? 0 : Open.back().R.Id;
  Point.Where = pos(A->getBeginLoc());
  Model.Suspensions.push_back(std::move(Point));
  size_t Index = Model.Suspensions.size() - 1;
  if (*Kind == AwaitKind::Dependent)
    return awaitDependent(Index, Operand);
  if (*Kind == AwaitKind::Sleep)
    return awaitSleep(Index, Operand, Delay);
  return *Kind == AwaitKind::Coroutine ? awaitCoroutine(Index, Operand)
                                       : awaitHandle(Index, Operand);
}

/// An operand whose type a template parameter decides: cosm::Awaiter steps
/// a coroutine inline, or suspends on a task or future through the loop,
/// by the instantiation.
std::string Lowerer::awaitDependent(size_t Index, const Expr *Operand) {
  unsigned State = Model.Suspensions[Index].State;
  std::string Type = childType(Operand);
  if (Type.empty()) {
    fail(Operand->getBeginLoc(), Diag::Unsupported,
         "an await whose operand's type cosm-lower cannot name in a template" +
             constexprHint(Operand));
    return "";
  }
  std::string Awaiter =
      member(MemberRole::Child, "cosm::awaiter_for<" + Type + ">", "awaiter");
  Model.Suspensions[Index].Target = Awaiter;
  add(Op::AwaitComment, {}, CurrentLine).Id = State;
  keepOperandTemporaries(Operand);
  code(Awaiter + ".start(" + expr(Operand) + ");\n");
  Model.Children.push_back(Awaiter);
  resumePoint(State);
  add(Op::Suspend, {}, CurrentLine).Id = State;
  return Awaiter + ".take_result()";
}

/// `cosm::await(cosm::sleep(d))`: asyncio.sleep runs in this frame, with no
/// frame of its own. A frame awaits one thing at a time, so one
/// cosm::SleepAwaiter serves every such await of the function.
std::string Lowerer::awaitSleep(size_t Index, const Expr *Operand,
                                const Expr *Delay) {
  unsigned State = Model.Suspensions[Index].State;
  if (Model.Sleeper.empty()) {
    Model.Sleeper = member(MemberRole::Child, "cosm::SleepAwaiter", "sleep");
    Model.Children.push_back(Model.Sleeper);
  }
  Model.Suspensions[Index].Target = Model.Sleeper;
  add(Op::AwaitComment, {}, CurrentLine).Id = State;
  keepOperandTemporaries(Operand);
  code(Model.Sleeper + ".start(" + expr(Delay) + ");\n");
  resumePoint(State);
  add(Op::Suspend, {}, CurrentLine).Id = State;
  return Model.Sleeper + ".take_result()";
}

std::string Lowerer::awaitCoroutine(size_t Index, const Expr *Operand) {
  unsigned State = Model.Suspensions[Index].State;
  std::string Type = childType(Operand);
  if (Type.empty()) {
    fail(Operand->getBeginLoc(), Diag::Unsupported,
         "an await of a coroutine whose type cosm-lower cannot name in a "
         "template" +
             constexprHint(Operand));
    return "";
  }
  std::string Child = member(MemberRole::Child, Type, "child");
  bool TooLarge = false;
  bool Embedded = embedFrame(Operand, TooLarge);
  Model.Suspensions[Index].Target = Child;
  Model.Suspensions[Index].Embedded = Embedded;
  Model.Suspensions[Index].TooLarge = TooLarge;
  add(Op::AwaitComment, {}, CurrentLine).Id = State;
  keepOperandTemporaries(Operand);
  std::string Value = expr(Operand);
  if (Embedded)
    Value = Type + "::embedded(" + Value + ")";
  else if (Operand->isLValue())
    Value = "std::move(" + Value + ")";
  code(Child + " = " + Value + ";\n");
  Model.Children.push_back(Child);
  resumePoint(State);
  add(Op::Suspend, {}, CurrentLine).Id = State;
  return Child + ".take_result()";
}

std::string Lowerer::awaitHandle(size_t Index, const Expr *Operand) {
  unsigned State = Model.Suspensions[Index].State;
  std::string Handle;
  const Expr *Bare = Operand->IgnoreParenImpCasts();
  bool Named =
      isa<DeclRefExpr>(Bare) || (isa<MemberExpr>(Bare) && isStable(Bare));
  if (Named) {
    Handle = expr(Operand);
  } else {
    // A handle computed here is kept until the statement ends.
    keepOperandTemporaries(Operand);
    std::string Value = expr(Operand);
    Handle = member(
        MemberRole::Awaited,
        typeText(Operand->getType().getNonReferenceType().getUnqualifiedType()),
        "awaited");
    code(Handle + " = " + Value + ";\n");
    Handles.push_back(Handle);
  }
  Model.Suspensions[Index].Target = Handle;
  add(Op::AwaitComment, {}, CurrentLine).Id = State;
  resumePoint(State);
  add(Op::Suspend, {}, CurrentLine).Id = State;
  return Handle + ".result()";
}

void Lowerer::endFullExpression() {
  for (auto It = Temps.rbegin(); It != Temps.rend(); ++It)
    if (It->LiveBit >= 0)
      add(It->Maybe ? Op::DestroyIfLive : Op::Destroy, It->Name, CurrentLine)
          .Bit = It->LiveBit;
  for (const std::string &Handle : Handles)
    code(Handle + " = {};\n");
  Temps.clear();
  Handles.clear();
}

/// If \p Operand calls an async function whose frame is defined above,
/// rewrites the call into a placement new of that frame in the child slot.
/// Only one child runs at a time, so one slot (sized for the largest)
/// serves every await of the function.
bool Lowerer::embedFrame(const Expr *Operand, bool &TooLarge) {
  if (!Plan.EarlierFrames)
    return false;
  const auto *Call = dyn_cast<CallExpr>(Operand->IgnoreImplicit());
  if (!Call || Call->getStmtClass() != Stmt::CallExprClass)
    return false;
  const FunctionDecl *Callee = Call->getDirectCallee();
  if (!Callee)
    return false;
  auto Found = Plan.EarlierFrames->find(Callee->getCanonicalDecl());
  if (Found == Plan.EarlierFrames->end() ||
      Call->getNumArgs() != Callee->getNumParams() ||
      !spanOf(Call->getCallee()))
    return false;
  // A default argument has no text here to pass to the frame.
  for (const Expr *Arg : Call->arguments())
    if (isa<CXXDefaultArgExpr>(Arg))
      return false;
  if (Plan.Allocated && Plan.Allocated->count(Found->second)) {
    TooLarge = true;
    return false;
  }
  // Qualified only when the two functions are in different namespaces.
  std::string Frame = Found->second;
  if (Callee->getDeclContext()->getRedeclContext()->Equals(
          Plan.function()->getDeclContext()->getRedeclContext()))
    Frame = StringRef(Frame).rsplit("::").second.str();
  if (Model.ChildSlot.empty())
    Model.ChildSlot = member(MemberRole::ChildSlot, "", "child_frame");
  if (llvm::find(Model.SlotFrames, Frame) == Model.SlotFrames.end())
    Model.SlotFrames.push_back(Frame);
  replace(Call->getCallee(), "::new (&" + Model.ChildSlot + ") " + Frame);
  return true;
}

} // namespace cosm
