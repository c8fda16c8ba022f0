//===- analyse/FunctionPlan.cpp - What an async function's frame holds ----===//

#include "analyse/FunctionPlan.h"
#include "analyse/ReturnCheck.h"
#include "find/AsyncFinder.h"
#include "support/Diagnostics.h"
#include "support/LLVMCompat.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/QualTypeNames.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/DenseSet.h"

using namespace clang;

namespace cosm {

/// Names the generated code uses inside the frame (its base class's
/// members, its own helpers): a local of the same name must be renamed.
static constexpr const char *BaseNames[] = {
    "state",         "resume",       "unwind", "function_name", "await_point",
    "awaited_frame", "return_value", "finish", "cosm",          "std"};

bool FunctionPlan::containsAwait(const Stmt *S) const {
  if (!S)
    return false;
  // Awaits in lambdas belong to the lambda, and were reported there.
  if (isa<LambdaExpr>(S))
    return false;
  auto It = AwaitMemo.find(S);
  if (It != AwaitMemo.end())
    return It->second;
  bool Found = asAwait(S) != nullptr;
  for (const Stmt *Child : S->children())
    if (!Found && containsAwait(Child))
      Found = true;
  AwaitMemo[S] = Found;
  return Found;
}

const FrameVar *FunctionPlan::frameVar(const VarDecl *D) const {
  if (auto It = LocalIndex.find(D); It != LocalIndex.end())
    return &Locals[It->second];
  if (auto It = ParamIndex.find(D); It != ParamIndex.end())
    return &Params[It->second];
  return nullptr;
}

std::string uniqueName(llvm::StringSet<> &Taken, StringRef Stem) {
  std::string Name = Stem.str();
  for (unsigned N = 2; Taken.contains(Name); ++N)
    Name = (Stem + "_" + Twine(N)).str();
  Taken.insert(Name);
  return Name;
}

std::string FunctionPlan::freshName(StringRef Stem) {
  return uniqueName(Taken, Stem);
}

/// Which statement an entry of a compound statement declares, looking
/// through the case and default labels it may carry.
static const Stmt *underLabels(const Stmt *S) {
  while (true) {
    if (const auto *Case = dyn_cast<SwitchCase>(S))
      S = Case->getSubStmt();
    else if (const auto *Label = dyn_cast<LabelStmt>(S))
      S = Label->getSubStmt();
    else
      return S;
  }
}

const Expr *boundExpr(const Expr *Init) {
  Init = Init->IgnoreParens();
  if (const auto *Cleanups = dyn_cast<ExprWithCleanups>(Init))
    Init = Cleanups->getSubExpr()->IgnoreParens();
  while (const auto *Cast = dyn_cast<ImplicitCastExpr>(Init)) {
    if (Cast->getCastKind() != CK_NoOp)
      break;
    Init = Cast->getSubExpr()->IgnoreParens();
  }
  return Init;
}

/// True if \p D is a constant: `constexpr`, or a const integer initialised
/// by a constant expression. It stays in resume() (made static, so that a
/// resumption may jump past it): as a frame member it would no longer be
/// usable in constant expressions (`std::array<int, N>`, `if constexpr`).
bool isConstantLocal(const VarDecl *D, const ASTContext &Context) {
  return D->hasLocalStorage() && !isa<ParmVarDecl>(D) &&
         (D->isConstexpr() || (D->getType().isConstQualified() &&
                               !D->getType()->isDependentType() &&
                               D->isUsableInConstantExpressions(Context)));
}

/// True if \p Type is or contains an `auto` that a template parameter
/// decides (Clang leaves it undeduced in the template).
static bool dependentAuto(QualType Type) {
  const auto *Auto = Type->getContainedAutoType();
  return Type->isUndeducedAutoType() ||
         (Auto && (!Auto->isDeduced() || Auto->getDeducedType().isNull() ||
                   Auto->getDeducedType()->isDependentType()));
}

/// An `auto` local of a template whose type the instantiation decides: the
/// frame names it through its initialiser (`std::decay_t<decltype(init)>`),
/// or for a range-for's variable through the range. A reference is kept as
/// a pointer, so it must be bound to an object (an lvalue), not extend a
/// temporary: anything else is refused.
bool FunctionPlan::deduced(FrameVar &V, const Expr *Range) {
  const VarDecl *D = V.Decl;
  const Expr *Init = Range ? Range : D->getInit();
  bool Reference = D->getType()->isReferenceType();
  const char *Why = nullptr;
  if (!Init || isa<DecompositionDecl>(D))
    Why = "and that lives across a suspension (write its type)";
  else if (!Range && (D->getInitStyle() == VarDecl::ListInit ||
                      isa<InitListExpr>(Init->IgnoreParenImpCasts())))
    Why = "initialised with a braced list, that lives across a suspension "
          "(write its type)";
  else if (!Range && Reference && !boundExpr(Init)->isLValue())
    Why = "bound by reference to what may be a temporary, that lives across "
          "a suspension (write its type)";
  if (Why) {
    report(Context.getDiagnostics(), D->getLocation(), Diag::Unsupported,
           std::string("an 'auto' local whose type depends on a template "
                       "parameter ") +
               Why);
    return false;
  }
  V.Store = Reference ? Storage::Pointer : Storage::Object;
  V.DeducedFrom = Init;
  V.DeducedElement = Range != nullptr;
  return true;
}

/// Names the types of the deduced `auto` locals, now that a reference in
/// an initialiser reads as the frame's member.
void FunctionPlan::typeDeduced() {
  for (FrameVar &V : Locals) {
    if (!V.DeducedFrom)
      continue;
    std::string Of = unevaluated(V.DeducedFrom);
    if (Of.empty()) {
      report(Context.getDiagnostics(), V.Decl->getLocation(), Diag::InMacro,
             "the type of '" + V.Decl->getName().str() + "'");
      Failed = true;
      continue;
    }
    if (V.DeducedElement)
      Of = "*std::begin(std::declval<std::remove_reference_t<decltype((" + Of +
           "))> &>())";
    if (V.Store == Storage::Pointer)
      V.Type =
          std::string(V.Decl->getType().getNonReferenceType().isConstQualified()
                          ? "const "
                          : "") +
          "std::remove_reference_t<decltype((" + Of + "))>";
    else
      V.Type = "std::decay_t<decltype(" + Of + ")>";
  }
}

void FunctionPlan::hoist(const VarDecl *D, const Expr *Range) {
  if (!D->hasLocalStorage() || LocalIndex.count(D))
    return;
  FrameVar V;
  V.Decl = D;
  QualType Type = D->getType();
  const Expr *Init = D->getInit();
  if (dependentAuto(Type) && !Range && !Type->isReferenceType() &&
      lambdaIn(Init)) {
    // A lambda in a template: lifted as anywhere else (its closure type has
    // no name to deduce through, a lambda cannot be in decltype in C++17).
    V.Store = Storage::Object;
    V.Type = liftClosure(D);
  } else if (dependentAuto(Type)) {
    if (!deduced(V, Range)) {
      Failed = true;
      return;
    }
  } else if (Type->isReferenceType()) {
    const Expr *Bound = Init ? boundExpr(Init) : nullptr;
    if (const auto *Temp = dyn_cast_or_null<MaterializeTemporaryExpr>(Bound)) {
      // A reference that extends a temporary's life: the frame holds the
      // temporary itself, which the name then denotes.
      V.Store = Storage::Object;
      const auto *Record = Temp->getType()->getAsCXXRecordDecl();
      V.Type = Record && Record->isLambda()
                   ? liftClosure(D)
                   : memberType(Temp->getType().getUnqualifiedType());
      Type = Temp->getType();
    } else {
      V.Store = Storage::Pointer;
      V.Type = writtenType(D, /*Referent=*/true);
    }
  } else {
    V.Store = Type->isScalarType() ? Storage::Plain : Storage::Object;
    const auto *Record = Type->getAsCXXRecordDecl();
    V.Type = Record && Record->isLambda() ? closureType(D)
                                          : writtenType(D, /*Referent=*/false);
    if (Record && Record->isLambda() && V.Type.empty())
      V.Type = liftClosure(D);
  }
  if (Type->isArrayType() && Type.isDestructedType()) {
    // Its destruction in the frame would be std::destroy_at of an array,
    // which C++17 does not have.
    report(Context.getDiagnostics(), D->getLocation(), Diag::Unsupported,
           "a local array whose elements have destructors and that lives "
           "across a suspension (use std::array)");
    Failed = true;
  }
  if (V.Store == Storage::Object && !Type->isDependentType() &&
      !V.DeducedFrom && Type.isDestructedType())
    V.LiveBit = allocateLiveBit();
  else if (V.Store == Storage::Object &&
           (Type->isDependentType() || V.DeducedFrom))
    V.LiveBit = allocateLiveBit();
  if (isa<DecompositionDecl>(D))
    V.Name = freshName("bound"); // `auto [a, b]`: the object a and b name
  else
    V.Name = Taken.contains(D->getName()) ? freshName(D->getName())
                                          : D->getName().str();
  Taken.insert(V.Name);
  LocalIndex[D] = Locals.size();
  Locals.push_back(std::move(V));
}

/// True if the frame, a struct outside the function, can name \p Type:
/// not a closure type nor a class declared inside a function.
static bool nameableOutside(QualType Type) {
  const auto *Record = Type->getAsCXXRecordDecl();
  return !Record || (!Record->isLambda() &&
                     !Record->getDeclContext()->isFunctionOrMethod());
}

/// True if destroying \p D runs code: a local of a class type with a
/// non-trivial destructor, or a reference that extends such a temporary.
static bool destroysSomething(const VarDecl *D) {
  QualType Type = D->getType();
  if (Type->isReferenceType()) {
    const Expr *Bound = D->getInit() ? boundExpr(D->getInit()) : nullptr;
    const auto *Temp = dyn_cast_or_null<MaterializeTemporaryExpr>(Bound);
    if (!Temp)
      return false;
    Type = Temp->getType();
  }
  return !Type->isDependentType() && Type.isDestructedType() &&
         nameableOutside(Type.getNonReferenceType());
}

bool FunctionPlan::hoistDecls(const Stmt *S, bool Guarded) {
  const auto *DS = dyn_cast_or_null<DeclStmt>(S);
  bool Destroyed = false;
  if (!DS)
    return false;
  // Constants an await follows stay, as statics (all of the declaration's
  // variables, or it is refused as mixing frame members with others).
  if (!Guarded && llvm::all_of(DS->decls(), [&](const Decl *D) {
        const auto *V = dyn_cast<VarDecl>(D);
        return V && isConstantLocal(V, Context);
      })) {
    for (const Decl *D : DS->decls())
      StaticConstants.insert(cast<VarDecl>(D));
    return false;
  }
  // Guarded, a declaration moves whole (one statement cannot be split).
  if (Guarded && llvm::none_of(DS->decls(), [](const Decl *D) {
        const auto *V = dyn_cast<VarDecl>(D);
        return V && destroysSomething(V);
      }))
    return false;
  for (const Decl *D : DS->decls())
    if (const auto *V = dyn_cast<VarDecl>(D)) {
      bool New = !LocalIndex.count(V);
      hoist(V);
      if (auto It = LocalIndex.find(V); New && It != LocalIndex.end())
        Locals[It->second].Guarded = Guarded;
      if (const FrameVar *FV = frameVar(V); FV && FV->LiveBit >= 0)
        Destroyed = true;
    }
  return Destroyed;
}

void FunctionPlan::hoistCondition(const Stmt *Decls, bool &Guarded,
                                  std::initializer_list<const Stmt *> Rest) {
  bool Suspends = llvm::any_of(
      Rest, [&](const Stmt *Part) { return Part && containsAwait(Part); });
  if (Suspends || Guarded)
    Guarded |= hoistDecls(Decls, !Suspends);
}

void FunctionPlan::hoistScope(const Stmt *S, bool Guarded) {
  if (!S || isa<Expr>(S))
    return;
  // Guarded: a frame object with a destructor is alive around S. A local
  // of resume() that also has one would then be destroyed by C++ after the
  // frame object on every exit, in the wrong order; it moves into the frame
  // too, so that every destruction is explicit and in reverse order.
  if (const auto *C = dyn_cast<CompoundStmt>(S)) {
    auto Body = C->body();
    // A local moves into the frame when a suspension follows it in its scope.
    // Members are declared in source order.
    for (auto It = Body.begin(); It != Body.end(); ++It) {
      bool AwaitFollows = false;
      for (auto Later = std::next(It); Later != Body.end() && !AwaitFollows;
           ++Later)
        AwaitFollows = containsAwait(*Later);
      // `T a = await(f()), b = await(g());`: a suspension follows the first
      // variable; all move, so that they are constructed one by one.
      const auto *DS = dyn_cast<DeclStmt>(underLabels(*It));
      AwaitFollows |= DS && !DS->isSingleDecl() && containsAwait(DS);
      if (AwaitFollows || Guarded)
        Guarded |= hoistDecls(underLabels(*It), !AwaitFollows);
      hoistScope(*It, Guarded);
    }
    return;
  }
  // The variable of a condition and of an init-statement lives in the frame
  // when a suspension follows it in the statement (hoistCondition).
  if (const auto *For = dyn_cast<ForStmt>(S)) {
    bool Suspends = containsAwait(For->getConditionVariableDeclStmt()) ||
                    containsAwait(For->getCond()) ||
                    containsAwait(For->getInc()) ||
                    containsAwait(For->getBody());
    if (Suspends || Guarded)
      Guarded |= hoistDecls(For->getInit(), !Suspends);
    // Each iteration's variable lives through the body and the increment.
    hoistCondition(For->getConditionVariableDeclStmt(), Guarded,
                   {For->getInc(), For->getBody()});
  } else if (const auto *If = dyn_cast<IfStmt>(S)) {
    hoistCondition(If->getInit(), Guarded,
                   {If->getConditionVariableDeclStmt(), If->getCond(),
                    If->getThen(), If->getElse()});
    hoistCondition(If->getConditionVariableDeclStmt(), Guarded,
                   {If->getThen(), If->getElse()});
  } else if (const auto *Switch = dyn_cast<SwitchStmt>(S)) {
    hoistCondition(Switch->getInit(), Guarded,
                   {Switch->getConditionVariableDeclStmt(), Switch->getCond(),
                    Switch->getBody()});
    hoistCondition(Switch->getConditionVariableDeclStmt(), Guarded,
                   {Switch->getBody()});
  } else if (const auto *While = dyn_cast<WhileStmt>(S)) {
    hoistCondition(While->getConditionVariableDeclStmt(), Guarded,
                   {While->getBody()});
  } else if (const auto *Range = dyn_cast<CXXForRangeStmt>(S)) {
    const VarDecl *Var = Range->getLoopVariable();
    const Expr *Init = Range->getRangeInit();
    if (const auto *Temporary =
            Init ? dyn_cast<MaterializeTemporaryExpr>(boundExpr(Init))
                 : nullptr)
      Init = Temporary->getSubExpr();
    bool KeepsRange = Init && Init->isPRValue() &&
                      !Init->getType()->isDependentType() &&
                      Init->getType().isDestructedType();
    hoistCondition(Range->getInit(), Guarded,
                   {Range->getRangeInit(), Range->getBody()});
    if (containsAwait(Range->getBody()) ||
        (Guarded && (destroysSomething(Var) || KeepsRange) &&
         nameableOutside(Var->getType().getNonReferenceType()))) {
      hoist(Var,
            dependentAuto(Var->getType()) ? Range->getRangeInit() : nullptr);
      const FrameVar *FV = frameVar(Var);
      Guarded |= KeepsRange || (FV && FV->LiveBit >= 0);
    }
  } else if (const auto *Catch = dyn_cast<CXXCatchStmt>(S)) {
    // A handler that suspends runs outside C++'s handler: its parameter
    // lives in the frame.
    if (Catch->getExceptionDecl() &&
        Catch->getExceptionDecl()->getIdentifier() &&
        containsAwait(Catch->getHandlerBlock())) {
      hoist(Catch->getExceptionDecl());
      const FrameVar *FV = frameVar(Catch->getExceptionDecl());
      Guarded |= FV && FV->LiveBit >= 0;
    }
  }
  for (const Stmt *Child : S->children())
    hoistScope(Child, Guarded);
}

namespace {
/// Finds what cannot be lowered; reports each occurrence.
class Checker : public RecursiveASTVisitor<Checker> {
public:
  Checker(const FunctionPlan &Plan, DiagnosticsEngine &Diags)
      : Plan(Plan), Diags(Diags) {}
  bool Failed = false;

  bool TraverseLambdaExpr(LambdaExpr *L) {
    for (const Expr *Init : L->capture_inits())
      if (Init && Plan.containsAwait(Init))
        fail(Init->getBeginLoc(), Diag::Unsupported,
             "'cosm::await' in a lambda's init-capture (await into a local "
             "first)");
    return true;
  }

  bool VisitIndirectGotoStmt(IndirectGotoStmt *G) {
    if (Plan.Suspends)
      fail(G->getGotoLoc(), Diag::Unsupported,
           "a computed 'goto' (GNU) in a COSM_ASYNC function that suspends");
    return true;
  }
  bool VisitVarDecl(VarDecl *V) {
    if (V->getType()->isVariableArrayType())
      fail(V->getLocation(), Diag::VariableLengthArray);
    const FrameVar *Kept = Plan.frameVar(V);
    if (V->getType()->isRecordType() &&
        V->getType()->getAsCXXRecordDecl()->isLambda() && Kept &&
        Kept->Type.empty())
      fail(V->getLocation(), Diag::Unsupported,
           "a lambda stored in a local that lives across a suspension");
    return true;
  }
  // Each element of the expansion would be a suspension of its own: how
  // many, only the instantiation knows.
  bool VisitPackExpansionExpr(PackExpansionExpr *E) { return expansion(E); }
  bool VisitCXXFoldExpr(CXXFoldExpr *E) { return expansion(E); }
  bool expansion(Expr *E) {
    if (Plan.containsAwait(E))
      fail(E->getBeginLoc(), Diag::Unsupported,
           "'cosm::await' inside a pack expansion (await a cosm::gather of "
           "the pack, or recurse over it)");
    return true;
  }
  bool VisitStmtExpr(StmtExpr *E) {
    if (Plan.containsAwait(E))
      fail(E->getBeginLoc(), Diag::Unsupported,
           "'cosm::await' inside a statement expression");
    return true;
  }
  bool VisitCoroutineBodyStmt(CoroutineBodyStmt *S) {
    fail(S->getBeginLoc(), Diag::Unsupported,
         "a C++20 coroutine marked COSM_ASYNC");
    return true;
  }
  bool VisitUnaryExprOrTypeTraitExpr(UnaryExprOrTypeTraitExpr *E) {
    if (Plan.containsAwait(E))
      fail(E->getBeginLoc(), Diag::Unsupported,
           "'cosm::await' in an unevaluated operand");
    return false;
  }

private:
  void fail(SourceLocation Loc, Diag Kind, StringRef Arg = {}) {
    report(Diags, Loc, Kind, Arg);
    Failed = true;
  }
  const FunctionPlan &Plan;
  DiagnosticsEngine &Diags;
};

/// Collects every identifier the body uses, so generated names avoid them.
class NameCollector : public RecursiveASTVisitor<NameCollector> {
public:
  explicit NameCollector(llvm::StringSet<> &Names) : Names(Names) {}
  bool VisitNamedDecl(NamedDecl *D) {
    if (D->getIdentifier())
      Names.insert(D->getName());
    return true;
  }
  bool VisitDeclRefExpr(DeclRefExpr *E) {
    if (E->getDecl()->getIdentifier())
      Names.insert(E->getDecl()->getName());
    return true;
  }
  bool VisitMemberExpr(MemberExpr *E) {
    if (E->getMemberDecl()->getIdentifier())
      Names.insert(E->getMemberDecl()->getName());
    return true;
  }

private:
  llvm::StringSet<> &Names;
};

/// Rewrites how the body refers to frame members and to the object.
class ReferenceRewriter : public RecursiveASTVisitor<ReferenceRewriter> {
public:
  ReferenceRewriter(const FunctionPlan &Plan, EditedText &Text,
                    const llvm::StringSet<> &MemberNames,
                    DiagnosticsEngine &Diags)
      : Plan(Plan), Text(Text), MemberNames(MemberNames), Diags(Diags) {}
  bool Failed = false;

  // `sizeof...(args)` names the pack, renamed if the frame's base uses
  // its name.
  bool VisitSizeOfPackExpr(SizeOfPackExpr *E) {
    const auto *V = dyn_cast<VarDecl>(E->getPack());
    const FrameVar *FV = V ? Plan.frameVar(V) : nullptr;
    if (FV && FV->Name != V->getName())
      replace(E->getPackLoc(), FV->Name, V->getName());
    return true;
  }
  bool VisitDeclRefExpr(DeclRefExpr *E) {
    // Inside a lambda the name denotes the capture, rewritten below.
    if (E->refersToEnclosingVariableOrCapture() ||
        Captures.count(E->getLocation()))
      return true;
    if (const auto *V = dyn_cast<VarDecl>(E->getDecl())) {
      if (const FrameVar *FV = Plan.frameVar(V)) {
        if (FV->Store == Storage::Pointer)
          replace(E->getLocation(), "(*" + FV->Name + ")", V->getName());
        else if (FV->Store == Storage::Object && !isa<ParmVarDecl>(V) &&
                 V->getType().isConstQualified() &&
                 !V->getType()->isReferenceType())
          // The member is not const (it is constructed in place): the
          // user's const object still reads as one (overloads, moves).
          replace(E->getLocation(), "std::as_const(" + FV->Name + ")",
                  V->getName());
        else if (FV->Name != V->getName())
          replace(E->getLocation(), FV->Name, V->getName());
        return true;
      }
    }
    if (const auto *Binding = dyn_cast<BindingDecl>(E->getDecl()))
      if (const auto *Whole =
              dyn_cast_or_null<DecompositionDecl>(Binding->getDecomposedDecl()))
        if (const FrameVar *FV = Plan.frameVar(Whole)) {
          replace(E->getLocation(), bindingText(*Whole, *Binding, *FV),
                  Binding->getName());
          return true;
        }
    // A name from outside that a frame member would hide: qualify it.
    const NamedDecl *D = E->getDecl();
    if (!E->hasQualifier() && D->getIdentifier() &&
        MemberNames.contains(D->getName()) &&
        !D->getDeclContext()->isFunctionOrMethod() && !isa<ParmVarDecl>(D))
      replace(E->getLocation(), "::" + D->getQualifiedNameAsString(),
              D->getName());
    return true;
  }

  /// A type the frame's members or bases would hide: qualify it.
  bool VisitTagTypeLoc(TagTypeLoc TL) { return qualifyType(TL, TL.getDecl()); }
  bool VisitTypedefTypeLoc(TypedefTypeLoc TL) {
    return qualifyType(TL, TL.getTypePtr()->getDecl());
  }

  bool VisitMemberExpr(MemberExpr *E) {
    if (!E->isImplicitAccess())
      return true;
    if (const auto *This =
            dyn_cast<CXXThisExpr>(E->getBase()->IgnoreImpCasts()))
      if (This->isImplicit())
        insert(E->getMemberLoc(), Plan.SelfName + "->",
               E->getMemberDecl()->getName());
    return true;
  }

  bool VisitCXXDependentScopeMemberExpr(CXXDependentScopeMemberExpr *E) {
    if (E->isImplicitAccess())
      insert(E->getMemberLoc(), Plan.SelfName + "->",
             E->getMember().getAsString());
    return true;
  }
  bool VisitUnresolvedMemberExpr(UnresolvedMemberExpr *E) {
    if (E->isImplicitAccess())
      insert(E->getMemberLoc(), Plan.SelfName + "->",
             E->getMemberName().getAsString());
    return true;
  }

  /// A class declared in the function has its own `this`.
  bool TraverseCXXRecordDecl(CXXRecordDecl *D) {
    return !D->isLambda() ||
           RecursiveASTVisitor<ReferenceRewriter>::TraverseCXXRecordDecl(D);
  }

  bool VisitCXXThisExpr(CXXThisExpr *E) {
    if (!E->isImplicit() && !ThisCaptures.count(E->getLocation()))
      replace(E->getLocation(), Plan.SelfName, "this");
    return true;
  }

  bool VisitLambdaExpr(LambdaExpr *L) {
    for (const LambdaCapture &C : L->captures()) {
      if (C.capturesThis()) {
        captureThis(L, C);
        continue;
      }
      if (!C.capturesVariable())
        continue;
      if (C.isExplicit())
        Captures.insert(C.getLocation());
      const auto *V = dyn_cast<VarDecl>(C.getCapturedVar());
      // A constant made static cannot be captured: copy it instead.
      if (V && C.isExplicit() && Plan.StaticConstants.count(V)) {
        replace(C.getLocation(),
                V->getName().str() + " = " + V->getName().str(), V->getName());
        continue;
      }
      const FrameVar *FV = V ? Plan.frameVar(V) : nullptr;
      if (!FV || V->isInitCapture())
        continue;
      // Members cannot be captured by name: capture them under the
      // source's name with an init-capture, so the body reads unchanged.
      std::string Member =
          FV->Store == Storage::Pointer ? "*" + FV->Name : FV->Name;
      std::string Capture = V->getName().str() + " = " + Member;
      if (C.isExplicit()) {
        replace(C.getLocation(), Capture, V->getName());
        continue;
      }
      bool ByRef = C.getCaptureKind() == LCK_ByRef;
      insert(L->getIntroducerRange().getEnd(),
             std::string(", ") + (ByRef ? "&" : "") + Capture, "a capture");
    }
    return true;
  }

private:
  /// In resume() `this` is the frame; the object is `self`, a member, which
  /// a lambda cannot capture by name. It captures a copy of the pointer
  /// instead (or, for `[*this]`, a copy of the object that `self->` reaches
  /// as well), so its body reads as the rest of resume().
  void captureThis(const LambdaExpr *L, const LambdaCapture &C) {
    const std::string &Self = Plan.SelfName;
    std::string Capture = C.getCaptureKind() == LCK_StarThis
                              ? Self + " = cosm::ThisCopy(*" + Self + ")"
                              : Self + " = " + Self;
    if (!C.isExplicit()) {
      // `[=]` or `[&]` would capture the frame, which may be gone when the
      // lambda runs.
      insert(L->getIntroducerRange().getEnd(), ", " + Capture, "a capture");
      return;
    }
    // `this`, or `*this` (whose capture and init are located at the `*`).
    SourceLocation Last = C.getLocation();
    if (C.getCaptureKind() == LCK_StarThis)
      if (auto Next = Lexer::findNextToken(Last, Text.sourceManager(),
                                           Text.langOptions()))
        Last = Next->getLocation();
    auto Where = Text.span(SourceRange(C.getLocation(), Last));
    if (!Where) {
      report(Diags, C.getLocation(), Diag::InMacro, "'this'");
      Failed = true;
      return;
    }
    Text.replace(*Where, Capture);
    ThisCaptures.insert(C.getLocation());
    ThisCaptures.insert(Last);
  }

  /// How a binding of a structured binding kept in the frame reads.
  static std::string bindingText(const DecompositionDecl &Whole,
                                 const BindingDecl &Binding,
                                 const FrameVar &V) {
    std::string Object =
        V.Store == Storage::Pointer ? "(*" + V.Name + ")" : V.Name;
    unsigned Index = 0;
    for (const BindingDecl *B : Whole.bindings()) {
      if (B == &Binding)
        break;
      ++Index;
    }
    QualType Type = Whole.getType().getNonReferenceType();
    if (Type->isArrayType())
      return Object + "[" + std::to_string(Index) + "]";
    if (Binding.getHoldingVar() ||
        !isa_and_nonnull<MemberExpr>(Binding.getBinding()->IgnoreImplicit()))
      return "std::get<" + std::to_string(Index) + ">(" + Object + ")";
    const auto *Field =
        cast<MemberExpr>(Binding.getBinding()->IgnoreImplicit());
    return Object + "." + Field->getMemberDecl()->getName().str();
  }

  bool qualifyType(TypeLoc TL, const NamedDecl *D) {
    if (!D || !D->getIdentifier() || !MemberNames.contains(D->getName()) ||
        D->getDeclContext()->isFunctionOrMethod())
      return true;
    SourceLocation NameLoc = TL.getEndLoc();
    auto Where = Text.span(NameLoc);
    if (!Where || Text.original(*Where) != D->getName())
      return true;
    // Already qualified: `ns::Frame`.
    if (Where->Begin >= 2 &&
        Text.original({Where->Begin - 2, Where->Begin}) == "::")
      return true;
    Text.replace(*Where, "::" + D->getQualifiedNameAsString());
    return true;
  }

  void replace(SourceLocation Loc, std::string With, StringRef What) {
    if (auto Where = Text.span(Loc))
      return Text.replace(*Where, std::move(With));
    report(Diags, Loc, Diag::InMacro, ("'" + What + "'").str());
    Failed = true;
  }
  void insert(SourceLocation Loc, std::string With, StringRef What) {
    if (auto Where = Text.span(Loc))
      return Text.insert(Where->Begin, std::move(With));
    report(Diags, Loc, Diag::InMacro, ("'" + What + "'").str());
    Failed = true;
  }

  const FunctionPlan &Plan;
  EditedText &Text;
  const llvm::StringSet<> &MemberNames;
  DiagnosticsEngine &Diags;
  /// Where explicit captures name a variable: rewritten as captures.
  llvm::DenseSet<SourceLocation> Captures;
  /// Where explicit captures say `this`: rewritten with the capture.
  llvm::DenseSet<SourceLocation> ThisCaptures;
};
} // namespace

/// The names \p F's frame must leave to it: its base's, and what the body
/// and the parameters declare or use.
static llvm::StringSet<> namesUsed(const FunctionDecl *F) {
  llvm::StringSet<> Names;
  for (const char *Name : BaseNames)
    Names.insert(Name);
  NameCollector(Names).TraverseStmt(F->getBody());
  for (const ParmVarDecl *P : F->parameters())
    if (P->getIdentifier())
      Names.insert(P->getName());
  return Names;
}

std::string FunctionPlan::selfNameFor(const FunctionDecl *F) {
  llvm::StringSet<> Names = namesUsed(F);
  return uniqueName(Names, "self");
}

bool FunctionPlan::analyse(const FileContext &File) {
  DiagnosticsEngine &Diags = Context.getDiagnostics();
  FrameName = File.FrameName;
  EarlierFrames = File.EarlierFrames;
  Allocated = File.Allocated;
  auto Result = coroResultType(F->getReturnType());
  if (!Result) {
    report(Diags, F->getLocation(), Diag::AsyncNotCoro,
           "'" + F->getReturnType().getAsString() + "'");
    return false;
  }
  if (!checkReturns(F, Context))
    return false;
  Dependent = F->isDependentContext();
  Lambda = File.Lambda;
  if (const FunctionTemplateDecl *Template =
          Lambda ? nullptr : F->getDescribedFunctionTemplate()) {
    const TemplateParameterList *Params = Template->getTemplateParameters();
    auto Header = Text.span(Params->getSourceRange());
    if (!Header) {
      report(Diags, F->getLocation(), Diag::InMacro, "this template header");
      return false;
    }
    TemplateHeader = Text.original(*Header).str();
    for (const NamedDecl *P : *Params)
      TemplateArgs += (TemplateArgs.empty() ? "<" : ", ") + P->getName().str() +
                      (P->isParameterPack() ? "..." : "");
    TemplateArgs += ">";
  }
  // `template <class T> ... Box<T>::get()`: the frame is a member class of
  // the class template, defined out of line under the same headers.
  for (unsigned I = 0; I < F->getNumTemplateParameterLists(); ++I) {
    auto Header = Text.span(F->getTemplateParameterList(I)->getSourceRange());
    if (!Header) {
      report(Diags, F->getLocation(), Diag::InMacro, "this template header");
      return false;
    }
    OuterHeaders += Text.original(*Header).str() + "\n";
  }
  if (isa<CXXTryStmt>(F->getBody())) {
    report(Diags, F->getBody()->getBeginLoc(), Diag::Unsupported,
           "a COSM_ASYNC function whose body is a function-try-block (write "
           "the try block inside the braces of the body)");
    return false;
  }
  if (F->isVariadic() || isa<CXXConstructorDecl>(F) ||
      isa<CXXDestructorDecl>(F)) {
    report(Diags, F->getLocation(), Diag::Unsupported,
           "a COSM_ASYNC variadic function, constructor or destructor");
    return false;
  }
  unsigned Packs = 0;
  for (const ParmVarDecl *P : F->parameters())
    if (P->isParameterPack() && (Lambda || ++Packs > 1)) {
      report(Diags, P->getLocation(), Diag::Unsupported,
             Lambda ? "a parameter pack of a generic COSM_ASYNC lambda"
                    : "a second function parameter pack of a COSM_ASYNC "
                      "template");
      return false;
    }
  // A frame nested in its class while the class is still incomplete cannot
  // hold a result of the class's type.
  if (const auto *M = dyn_cast<CXXMethodDecl>(F);
      M && !M->isOutOfLine() &&
      Result->getCanonicalType()->getAsCXXRecordDecl() == M->getParent()) {
    report(Diags, F->getLocation(), Diag::Unsupported,
           "a COSM_ASYNC member defined in its class whose result is the "
           "class itself (define it out of line, after the class)");
    return false;
  }
  if (Lambda && (*Result)->isDependentType() &&
      !Lambda->getLambdaClass()->isDependentContext()) {
    report(Diags, F->getLocation(), Diag::Unsupported,
           "a generic COSM_ASYNC lambda whose result type depends on its "
           "'auto' parameters");
    return false;
  }
  ResultType = memberType(*Result);
  DisplayName = Lambda ? File.LambdaName : F->getQualifiedNameAsString();
  const Stmt *Body = F->getBody();
  Suspends = containsAwait(Body);
  // `using std::string;` in the body: `string` means nothing at the frame.
  struct UsingFinder : RecursiveASTVisitor<UsingFinder> {
    bool Found = false;
    bool VisitUsingDecl(UsingDecl *) { return !(Found = true); }
    bool VisitUsingDirectiveDecl(UsingDirectiveDecl *) {
      return !(Found = true);
    }
    bool VisitNamespaceAliasDecl(NamespaceAliasDecl *) {
      return !(Found = true);
    }
  } Usings;
  Usings.TraverseStmt(const_cast<Stmt *>(Body));
  UsesNames = Usings.Found;

  if (const auto *M = dyn_cast<CXXMethodDecl>(F);
      M && M->isInstance() && !Lambda) {
    SelfType = memberType(recordType(Context, M->getParent()));
    if (M->isConst())
      SelfType = "const " + SelfType;
  }

  Taken = namesUsed(F);
  // What the tool adds gives way to the user's names, not the reverse.
  SelfName = freshName("self");
  LiveName = freshName("live");

  // Parameters keep their names unless the frame's base uses them.
  llvm::StringSet<> Base;
  for (const char *Name : BaseNames)
    Base.insert(Name);
  if (Lambda && !planLambda(Base))
    return false;
  for (const ParmVarDecl *P : F->parameters()) {
    if (!P->getIdentifier())
      continue;
    FrameVar V;
    V.Decl = P;
    V.Store = P->getType()->isReferenceType() ? Storage::Ref : Storage::Plain;
    V.Name = Base.contains(P->getName()) ? freshName(P->getName())
                                         : P->getName().str();
    // A generic lambda's `auto` parameter: the frame is a template whose
    // parameter is the exact declared type, `decltype(x)` at the call.
    V.Generic = Lambda && P->getType()->isDependentType() &&
                !Lambda->getLambdaClass()->isDependentContext();
    if (V.Generic) {
      V.Type = freshName("Arg_" + V.Name);
      Taken.insert(V.Type);
      TemplateHeader +=
          (TemplateHeader.empty() ? "template <class " : ", class ") + V.Type;
      TemplateArgs += (TemplateArgs.empty() ? "<" : ", ") +
                      ("decltype(" + P->getName() + ")").str();
    } else if (const auto *Pack = P->getType()->getAs<PackExpansionType>()) {
      // Kept whole in a tuple; the body sees a pack again.
      V.Type = memberType(Pack->getPattern());
      V.PackMember = freshName(V.Name + "_pack");
      PackResume = freshName("resume_pack");
    } else {
      V.Type = writtenType(P, /*Referent=*/false);
    }
    ParamIndex[P] = Params.size();
    Params.push_back(std::move(V));
  }
  if (!TemplateHeader.empty() && Lambda) {
    TemplateHeader += ">";
    TemplateArgs += ">";
  }
  // Locals share one namespace with the parameters in the frame.
  llvm::StringSet<> Used;
  for (const char *Name : BaseNames)
    Used.insert(Name);
  for (const FrameVar &P : Params)
    Used.insert(P.Name);
  Used.insert(SelfName);
  Used.insert(LiveName);
  std::swap(Taken, Used);
  hoistScope(Body);
  std::swap(Taken, Used);
  if (Failed)
    return false;
  for (const FrameVar &L : Locals)
    Taken.insert(L.Name);
  for (LiftedClosure &C : Closures) {
    C.Name = freshName((C.Local->getName() + "_closure").str());
    Locals[LocalIndex[C.Local]].Type = C.Name;
  }

  if (Lambda && !checkLambdaTypes())
    return false;
  if (!checkClosures())
    return false;

  Checker Check(*this, Diags);
  Check.TraverseStmt(const_cast<Stmt *>(Body));
  if (Check.Failed)
    return false;

  llvm::StringSet<> MemberNames;
  for (const char *Name : BaseNames)
    MemberNames.insert(Name);
  for (const char *Name : HiddenNames)
    MemberNames.insert(Name);
  MemberNames.insert(SelfName);
  MemberNames.insert(LiveName);
  for (const FrameVar &V : Params)
    MemberNames.insert(V.Name);
  for (const FrameVar &V : Locals)
    MemberNames.insert(V.Name);
  ReferenceRewriter Rewriter(*this, Text, MemberNames, Diags);
  Rewriter.TraverseStmt(const_cast<Stmt *>(Body));
  if (Rewriter.Failed)
    return false;
  typeDeduced();
  if (Failed)
    return false;
  printClosures();

  // An out-of-line member's frame is declared in its class and defined
  // where the member is; if the class is in a header, it is local to the
  // member (a local class cannot be a template, nor have one).
  if (const auto *M = dyn_cast<CXXMethodDecl>(F); M && M->isOutOfLine()) {
    const SourceManager &SM = Context.getSourceManager();
    LocalFrame = !SM.isWrittenInMainFile(
        SM.getExpansionLoc(M->getCanonicalDecl()->getLocation()));
    if (LocalFrame &&
        (Dependent || !TemplateHeader.empty() ||
         llvm::any_of(Closures, [](const LiftedClosure &C) {
           return C.Lambda->getCallOperator()->getDescribedFunctionTemplate();
         }))) {
      report(Context.getDiagnostics(), F->getLocation(), Diag::Unsupported,
             "an out-of-line COSM_ASYNC member template, or one that keeps a "
             "generic lambda across a suspension, whose class is defined in "
             "another file");
      return false;
    }
    if (!LocalFrame)
      FrameQualifier = memberType(recordType(Context, M->getParent())) + "::";
  }
  // Members the lowering adds must not hide the frame types the code names.
  Taken.insert(FrameName);
  if (EarlierFrames)
    for (const auto &Earlier : *EarlierFrames) {
      StringRef Name = Earlier.second;
      Taken.insert(Name.contains("::") ? Name.rsplit("::").second : Name);
    }
  return true;
}

std::unique_ptr<FunctionPlan> FunctionPlan::build(const FunctionDecl *F,
                                                  ASTContext &Context,
                                                  EditedText &Text,
                                                  const FileContext &File) {
  std::unique_ptr<FunctionPlan> Plan(new FunctionPlan(F, Context, Text));
  if (!Plan->analyse(File))
    return nullptr;
  return Plan;
}

} // namespace cosm
