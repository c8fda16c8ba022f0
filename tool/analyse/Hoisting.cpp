//===- analyse/Hoisting.cpp - Which locals the frame holds, and as what ---===//
///
/// \file
/// A local that lives across a suspension is hoisted into the frame: as a
/// plain member, an object constructed in place (with a live bit when its
/// destructor matters), or a pointer for a reference. Which scopes guard a
/// live bit, and how an `auto` whose type a template decides is named, are
/// decided here too.
///
//===----------------------------------------------------------------------===//

#include "analyse/FunctionPlan.h"
#include "support/Diagnostics.h"
#include "clang/AST/Attr.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"

using namespace clang;

namespace cosm {

/// Which statement an entry of a compound statement declares, looking
/// through the case and default labels it may carry.
const Stmt *underLabels(const Stmt *S) {
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

bool dependentAuto(QualType Type) {
  const auto *Auto = Type->getContainedDeducedType();
  return Type->isUndeducedType() ||
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
  if (isa<DeducedTemplateSpecializationType>(
          D->getType()->getContainedDeducedType())) {
    // `std::vector v(n, x)`: the instantiation's deduction guides decide.
    report(Context.getDiagnostics(), D->getLocation(), Diag::Unsupported,
           "a local whose class template arguments are deduced from values "
           "that depend on a template parameter, that lives across a "
           "suspension (write its template arguments)");
    return false;
  }
  // `auto v{x}` is `auto v(x)` in C++17: its type is x's, decayed.
  if (const auto *List = dyn_cast_or_null<InitListExpr>(Init);
      List && !Range && !Reference && D->getInitStyle() == VarDecl::ListInit &&
      List->getNumInits() == 1 &&
      !isa<InitListExpr>(List->getInit(0)->IgnoreParens()))
    Init = List->getInit(0);
  if (!Init || isa<DecompositionDecl>(D))
    Why = "and that lives across a suspension (write its type)";
  else if (!Range &&
           ((Init == D->getInit() && D->getInitStyle() == VarDecl::ListInit) ||
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

/// A temporary inside \p E whose life C++ extends for \p D, or null.
static const Expr *extendedInside(const Expr *E, const VarDecl *D) {
  if (!E || isa<LambdaExpr>(E))
    return nullptr;
  if (const auto *Temp = dyn_cast<MaterializeTemporaryExpr>(E);
      Temp && Temp->getExtendingDecl() == D)
    return Temp;
  for (const Stmt *Child : E->children())
    if (const Expr *Found = extendedInside(dyn_cast_or_null<Expr>(Child), D))
      return Found;
  return nullptr;
}

/// `const T &r = make().member;`, `for (x : make().items)`: C++ keeps the
/// whole temporary for the reference \p D, which the frame would have to
/// hold beside the pointer. True if \p Init binds one (reported).
static bool refusedPartOfTemporary(DiagnosticsEngine &Diags, const Expr *Init,
                                   const VarDecl *D) {
  const Expr *Whole = extendedInside(Init, D);
  if (Whole)
    report(Diags, Whole->getBeginLoc(), Diag::Unsupported,
           "a reference bound to a part of a temporary (C++ keeps the whole "
           "temporary for it) that lives across a suspension (store the "
           "object in a local first)");
  return Whole;
}

/// True if \p Type is (a reference to) a std::initializer_list.
static bool isInitializerList(QualType Type) {
  const auto *Record = Type.getNonReferenceType()->getAsCXXRecordDecl();
  return Record && Record->isInStdNamespace() && Record->getIdentifier() &&
         Record->getName() == "initializer_list";
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
      if (refusedPartOfTemporary(Context.getDiagnostics(), Bound, D))
        Failed = true;
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
  if (isInitializerList(D->getType()) && !D->isImplicit()) {
    // The array behind it ends with the declaration's full-expression,
    // which is in resume() while the list is in the frame.
    report(Context.getDiagnostics(), D->getLocation(), Diag::Unsupported,
           "a 'std::initializer_list' local that lives across a suspension "
           "(the frame cannot keep the array behind it; use std::array or "
           "std::vector)");
    Failed = true;
  }
  // `int vals[] = {ts...};` in a template: the size is the instantiation's
  // (Clang's type: a dependent size without an expression), and the frame's
  // member needs one.
  const auto *Sized =
      dyn_cast_or_null<DependentSizedArrayType>(Context.getAsArrayType(Type));
  if (Type->isIncompleteArrayType() || (Sized && !Sized->getSizeExpr())) {
    report(Context.getDiagnostics(), D->getLocation(), Diag::Unsupported,
           "a local array whose size its initialiser decides in each "
           "instantiation, that lives across a suspension (use std::array "
           "with the size written, or std::vector)");
    Failed = true;
  }
  if (Type->isArrayType() && Type.isDestructedType() &&
      Context.getAsArrayType(Type)->getElementType()->isArrayType()) {
    // Its elements' destruction would be std::destroy_at of an array,
    // which C++17 does not have.
    report(Context.getDiagnostics(), D->getLocation(), Diag::Unsupported,
           "a local array of arrays whose elements have destructors and that "
           "lives across a suspension (use std::array)");
    Failed = true;
  }
  if (V.Store == Storage::Object && !Type->isDependentType() &&
      !V.DeducedFrom && Type.isDestructedType())
    V.LiveBit = allocateLiveBit();
  else if (V.Store == Storage::Object &&
           (Type->isDependentType() || V.DeducedFrom))
    V.LiveBit = allocateLiveBit();
  // `alignas(64) int q;`: the member is as aligned as the local was (the
  // frame's block is allocated for its most aligned member).
  for (const AlignedAttr *Align : D->specific_attrs<AlignedAttr>()) {
    if (V.Store == Storage::Pointer)
      break;
    if (Align->isAlignmentDependent()) {
      report(Context.getDiagnostics(), Align->getLocation(), Diag::Unsupported,
             "an 'alignas' that depends on a template parameter on a local "
             "that lives across a suspension (align its type instead)");
      Failed = true;
    } else if (unsigned Bits = Align->getAlignment(Context)) {
      V.Align += "alignas(" + std::to_string(Bits / 8) + ") ";
    }
  }
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
    // `for (x : make().items)`: the range is a part of a temporary C++
    // keeps whole, which the frame would have to hold beside the pointer.
    const auto *RangeDecl = dyn_cast_or_null<DeclStmt>(Range->getRangeStmt());
    const auto *RangeVar = RangeDecl && RangeDecl->isSingleDecl()
                               ? dyn_cast<VarDecl>(RangeDecl->getSingleDecl())
                               : nullptr;
    if (RangeVar && Init && !Init->isPRValue() &&
        containsAwait(Range->getBody()) &&
        refusedPartOfTemporary(Context.getDiagnostics(), Init, RangeVar))
      Failed = true;
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

} // namespace cosm
