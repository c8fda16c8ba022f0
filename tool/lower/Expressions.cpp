//===- lower/Expressions.cpp - Expressions that suspend -------------------===//
//
// An expression with an await inside is taken apart only as far as the
// await needs: what C++ evaluates before the last suspension is evaluated
// and saved before it, and the temporaries C++ keeps to the end of the
// full-expression move into the frame (lower/Temporaries.cpp).
//
//===----------------------------------------------------------------------===//

#include "find/AsyncFinder.h"
#include "lower/Lowerer.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include <functional>

using namespace clang;

namespace cosm {

/// True if evaluating \p E earlier or later gives the same result: it has
/// no side effects and reads nothing a suspension could change.
bool isStable(const Expr *E) {
  E = E->IgnoreParens();
  if (isa<IntegerLiteral, FloatingLiteral, CharacterLiteral, StringLiteral,
          CXXBoolLiteralExpr, CXXNullPtrLiteralExpr, GNUNullExpr, CXXThisExpr,
          LambdaExpr, UnaryExprOrTypeTraitExpr, CXXDefaultArgExpr,
          CXXDefaultInitExpr, TypeTraitExpr>(E))
    return true;
  // In a template, the name of a function overload set or template: it
  // names functions, nothing that a suspension could change.
  if (const auto *Lookup = dyn_cast<UnresolvedLookupExpr>(E))
    return llvm::all_of(Lookup->decls(), [](const NamedDecl *D) {
      return isa<FunctionDecl, FunctionTemplateDecl>(D->getUnderlyingDecl());
    });
  if (const auto *Cast = dyn_cast<ImplicitCastExpr>(E)) {
    if (Cast->getCastKind() == CK_LValueToRValue) {
      const auto *Ref =
          dyn_cast<DeclRefExpr>(Cast->getSubExpr()->IgnoreParens());
      const auto *V = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
      return V && V->getType().isConstQualified() &&
             !V->getType().isVolatileQualified();
    }
    return isStable(Cast->getSubExpr());
  }
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E)) {
    const ValueDecl *D = Ref->getDecl();
    return isa<FunctionDecl, EnumConstantDecl>(D) || E->isGLValue();
  }
  if (const auto *Member = dyn_cast<MemberExpr>(E))
    return E->isGLValue() &&
           (Member->isArrow()
                ? isa<CXXThisExpr>(Member->getBase()->IgnoreParenImpCasts())
                : isStable(Member->getBase()));
  if (const auto *Unary = dyn_cast<UnaryOperator>(E))
    return Unary->getOpcode() == UO_AddrOf && isStable(Unary->getSubExpr());
  return false;
}

/// The operands of \p E in the order cosm evaluates them: C++17's order
/// where it has one, else left to right.
static std::vector<const Expr *> evaluationOrder(const Expr *E) {
  std::vector<const Expr *> Result;
  for (const Stmt *Child : E->children())
    if (const auto *Operand = dyn_cast_or_null<Expr>(Child))
      Result.push_back(Operand);
  bool Assigns = false;
  if (const auto *Binary = dyn_cast<BinaryOperator>(E))
    Assigns = Binary->isAssignmentOp();
  if (const auto *Call = dyn_cast<CXXOperatorCallExpr>(E))
    Assigns = Call->isAssignmentOp();
  // The right operand of an assignment is sequenced before the left.
  if (Assigns && Result.size() >= 2)
    std::swap(Result[Result.size() - 2], Result[Result.size() - 1]);
  return Result;
}

/// A temporary with a destructor that \p E creates below its top (where the
/// frame cannot keep it), or null.
static const Expr *destroyedTemporary(const Expr *E) {
  if (const auto *Temporary = dyn_cast<MaterializeTemporaryExpr>(E))
    E = Temporary->getSubExpr(); // kept whole in the frame
  std::function<const Expr *(const Stmt *, bool)> Find =
      [&](const Stmt *S, bool Top) -> const Expr * {
    // An awaited coroutine moves into the frame: its temporary is fine.
    if (!S || isa<LambdaExpr>(S) || asAwait(S))
      return nullptr;
    // Only a destructor the program itself defines can tell when it runs.
    if (const auto *Bind = dyn_cast<CXXBindTemporaryExpr>(S);
        Bind && !Top && Bind->getTemporary()->getDestructor() &&
        Bind->getTemporary()->getDestructor()->isUserProvided() &&
        !Bind->getTemporary()->getDestructor()->getParent()->isInStdNamespace())
      return Bind;
    if (isa<MaterializeTemporaryExpr>(S) && !Top)
      return nullptr; // kept in the frame by keepTemporaries()
    bool Wrapper = isa<ExprWithCleanups, CXXBindTemporaryExpr, ImplicitCastExpr,
                       ParenExpr, CXXFunctionalCastExpr>(S);
    for (const Stmt *Child : S->children())
      if (const Expr *Found = Find(Child, Top && Wrapper))
        return Found;
    return nullptr;
  };
  return Find(E, true);
}

std::string Lowerer::expr(const Expr *E) {
  if (Failed)
    return "";
  // Already lowered (a temporary now kept in the frame): its text says so.
  if (Kept.count(E))
    return render(E);
  if (!Plan.containsAwait(E))
    return render(E);
  if (const CallExpr *A = asAwait(E))
    return await(A);
  if (const auto *B = dyn_cast<BinaryOperator>(E); B && B->isLogicalOp())
    return logical(B);
  if (const auto *C = dyn_cast<AbstractConditionalOperator>(E))
    return conditional(C);
  if (const auto *Comma = dyn_cast<BinaryOperator>(E);
      Comma && Comma->getOpcode() == BO_Comma &&
      Plan.containsAwait(Comma->getRHS())) {
    // The left side is evaluated for its effects only; an object it makes
    // lives, in C++, to the end of the full-expression: in the frame here.
    const Expr *Left = Comma->getLHS();
    if (!keepBefore(Left))
      return "";
    const auto *Record = Left->getType()->getAsCXXRecordDecl();
    if (Left->isPRValue() && !Plan.containsAwait(Left) &&
        needsDestruction(Left->getType()) && !(Record && Record->isLambda()))
      objectTemp(Left->getType(), expr(Left), Branches > 0);
    else
      code("static_cast<void>(" + expr(Left) + ");\n");
    replace(Comma->getLHS(), "void()");
    replace(Comma->getRHS(), expr(Comma->getRHS()));
    return render(E);
  }
  if (!operands(E, evaluationOrder(E)))
    return "";
  return render(E);
}

bool Lowerer::operands(const Expr *E, llvm::ArrayRef<const Expr *> Operands) {
  if (Operands.empty())
    return true;
  size_t Last = 0;
  for (size_t I = 0; I < Operands.size(); ++I)
    if (Plan.containsAwait(Operands[I]))
      Last = I;
  // What C++ evaluates before the last suspension is evaluated and saved
  // before it, so that the suspension cannot change it.
  for (size_t I = 0; I < Last; ++I) {
    const Expr *Operand = Operands[I];
    // `out.push_back(cosm::await(...))`: the object is saved, not the
    // member function (in a template, a member of a dependent object).
    if (const auto *Member = dyn_cast<MemberExpr>(Operand);
        Member && Member->hasPlaceholderType(BuiltinType::BoundMember))
      Operand = Member->getBase();
    else if (const auto *Member =
                 dyn_cast<CXXDependentScopeMemberExpr>(Operand);
             Member && !Member->isImplicitAccess() && I == 0 &&
             isa<CallExpr>(E))
      Operand = Member->getBase();
    else if (const auto *Member = dyn_cast<UnresolvedMemberExpr>(Operand);
             Member && !Member->isImplicitAccess())
      Operand = Member->getBase();
    if (!Plan.containsAwait(Operand) && isStable(Operand))
      continue;
    // Already in the frame (a temporary an enclosing operand kept).
    if (!Operand->getSourceRange().isValid() || Kept.count(Operand))
      continue;
    // C++ keeps the temporaries inside the operand to the end of the
    // full-expression, past the suspension: the frame keeps them too.
    if (!isa<MaterializeTemporaryExpr>(Operand))
      keepTemporaries(Operand);
    if (const Expr *Inner = destroyedTemporary(Operand)) {
      fail(Inner->getBeginLoc(), Diag::Unsupported,
           "a temporary with a destructor inside an operand that is evaluated "
           "before a later 'cosm::await' in the same expression (store it in "
           "a local first)");
      return false;
    }
    replace(Operand, spill(Operand, expr(Operand)));
  }
  replace(Operands[Last], expr(Operands[Last]));
  return !Failed;
}

std::string Lowerer::objectTemp(QualType Type, const std::string &Value,
                                bool Maybe, std::string TypeText) {
  Type = Type.getUnqualifiedType();
  if (const auto *Record = Type->getAsCXXRecordDecl();
      Record && Record->isLambda() && TypeText.empty()) {
    fail(Record->getLocation(), Diag::Unsupported,
         "a lambda evaluated before a suspension in the same expression");
    return "";
  }
  // A type that depends on a template parameter (or a lifted lambda's) is
  // named through the value, and may have a destructor.
  bool Dependent = !TypeText.empty();
  if (!Dependent)
    TypeText = typeText(Type);
  int Bit = Dependent || needsDestruction(Type) ? Model.LiveBits++ : -1;
  std::string Name =
      member(MemberRole::Temporary, TypeText, "temp", /*InUnion=*/true, Bit);
  // A braced value (`{1, 2}` bound to a `const P &`) was list-initialised:
  // `P{1, 2}` keeps that, where `P({1, 2})` could pick another constructor.
  bool Braced = StringRef(Value).starts_with("{");
  code("::new (&" + Name + ") " + TypeText +
       (Braced ? Value : "(" + Value + ")") + ";\n");
  if (Bit >= 0) {
    TempBits.push_back({Bit, Name});
    setLive(Bit);
    if (!Open.empty())
      Open.back().Objects.push_back({Name, Bit});
  }
  Temps.push_back({Name, Bit, Maybe});
  return Name;
}

/// A lambda the frame must keep until a later suspension in its
/// expression ends: its closure type has no name, so it is lifted into a
/// named function object, as a lambda kept in a local is.
std::string Lowerer::liftedLambda(const Expr *E, const std::string &Value,
                                  bool Maybe) {
  const auto *L = dyn_cast<LambdaExpr>(E->IgnoreImplicit());
  const char *What =
      "a lambda evaluated before a suspension in the same expression";
  if (!L) {
    // A closure some call returns: `decltype` names its type, unless the
    // call is given a lambda (not allowed in `decltype` before C++20).
    if (containsLambda(E)) {
      fail(E->getBeginLoc(), Diag::Unsupported,
           std::string(What) + " inside a call's operand");
      return "";
    }
    return objectTemp(E->getType(), Value, Maybe,
                      "std::decay_t<decltype(" + Value + ")>");
  }
  if (!Plan.canLift(L, What)) {
    Failed = true;
    return "";
  }
  std::string Name = freshName("lambda_closure");
  FunctionPlan::Lifted Lifted = Plan.lift(
      L, Name, [&](StringRef Stem) { return freshName(Stem); },
      &NamesLocalType);
  Model.Closures.push_back(
      "// A lambda evaluated before the suspension of its expression, "
      "lifted into a named function object: the frame keeps it, and a frame "
      "member needs a type with a name.\n" +
      Lifted.Code);
  return objectTemp(L->getType(), Lifted.Init, Maybe, Name);
}

/// True if \p Value, the lowered \p S, reads the result of a task or
/// future awaited in \p S in place (where no temporary copied it).
bool Lowerer::readsHandleResult(const Stmt *S, StringRef Value) const {
  if (!S)
    return false;
  if (const CallExpr *Await = asAwait(S))
    for (const Suspension &Point : Model.Suspensions)
      if (Point.Await == Await &&
          (Point.Kind == AwaitKind::Task || Point.Kind == AwaitKind::Future))
        return Value.contains(Point.Target + ".result()");
  return llvm::any_of(S->children(), [&](const Stmt *Child) {
    return readsHandleResult(Child, Value);
  });
}

std::string Lowerer::spill(const Expr *E, const std::string &Value) {
  if (const auto *Record = E->getType()->getAsCXXRecordDecl();
      Record && Record->isLambda()) {
    const Expr *Lambda = E;
    if (const auto *Temporary = dyn_cast<MaterializeTemporaryExpr>(E))
      Lambda = Temporary->getSubExpr();
    std::string Name = liftedLambda(Lambda, Value, Branches > 0);
    if (Name.empty())
      return "";
    const auto *Temporary = dyn_cast<MaterializeTemporaryExpr>(E);
    return Temporary && Temporary->isLValue() ? Name
                                              : "std::move(" + Name + ")";
  }
  if (const auto *Temporary = dyn_cast<MaterializeTemporaryExpr>(E)) {
    // The temporary itself moves into the frame until the statement ends.
    std::string Name =
        objectTemp(Temporary->getSubExpr()->getType(), Value, Branches > 0);
    return Temporary->isXValue() ? "std::move(" + Name + ")" : Name;
  }
  QualType Type = E->getType();
  if (E->isPRValue() && Type->isDependentType())
    return "std::move(" +
           objectTemp(
               Type, Value, Branches > 0,
               "std::decay_t<decltype(" +
                   (Plan.containsAwait(E) ? Value : Plan.unevaluated(E)) +
                   ")>") +
           ")";
  if (E->isPRValue()) {
    if (Type->isVoidType()) {
      code(Value + ";\n");
      return "void()";
    }
    if (Type->isScalarType()) {
      std::string Name = member(MemberRole::Saved,
                                typeText(Type.getUnqualifiedType()), "saved");
      code(Name + " = " + Value + ";\n");
      return Name;
    }
    // Built in the frame, it reaches its use by a move.
    if (!movable(Type)) {
      fail(E->getBeginLoc(), Diag::Unsupported,
           "an object that can be neither moved nor copied, made before a "
           "later 'cosm::await' in the same expression (make it after the "
           "await: store the await's result in a local first)");
      return "";
    }
    return "std::move(" + objectTemp(Type, Value, Branches > 0) + ")";
  }
  // An object whose type depends on a template parameter (`b.val`, `xs[0]`)
  // is named through the expression.
  // So is one read from an awaited task's or future's result, which the
  // frame reads in place, const, where `cosm::await` declares a copy.
  std::string Pointer =
      Type->isDependentType() || readsHandleResult(E, Value)
          ? "std::remove_reference_t<decltype((" +
                (Plan.containsAwait(E) ? Value : Plan.unevaluated(E)) + "))> *"
          : typeText(Type) + " *";
  std::string Name = member(MemberRole::Saved, Pointer, "saved");
  code(Name + " = " + addressOf(E, Value) + ";\n");
  return E->isXValue() ? "std::move(*" + Name + ")" : "(*" + Name + ")";
}

/// The temporaries of \p E, evaluated before a suspension in its
/// expression (the left of '&&', '||' or ',', a '?:' condition), live to
/// the end of the full-expression in C++: the frame keeps them.
bool Lowerer::keepBefore(const Expr *E) {
  if (Plan.containsAwait(E) || isa<MaterializeTemporaryExpr>(E))
    return true; // what awaits keeps its own, as expr() does
  keepTemporaries(E);
  if (const Expr *Inner = destroyedTemporary(E)) {
    fail(Inner->getBeginLoc(), Diag::Unsupported,
         "a temporary with a destructor inside an operand that is evaluated "
         "before a later 'cosm::await' in the same expression (store it in "
         "a local first)");
    return false;
  }
  return !Failed;
}

std::string Lowerer::logical(const BinaryOperator *B) {
  if (!Plan.containsAwait(B->getRHS())) {
    replace(B->getLHS(), expr(B->getLHS()));
    return render(B);
  }
  if (!keepBefore(B->getLHS()))
    return "";
  std::string Left = expr(B->getLHS());
  // Only when C++ evaluates the right side does its await run.
  std::string Name = member(MemberRole::Condition, "bool", "condition");
  code(Name + " = static_cast<bool>(" + Left + ");\n");
  code(B->getOpcode() == BO_LAnd ? "if (" + Name + ") {\n"
                                 : "if (!" + Name + ") {\n");
  ++Branches;
  std::string Right = expr(B->getRHS());
  --Branches;
  code(Name + " = static_cast<bool>(" + Right + ");\n}\n");
  return Name;
}

std::string Lowerer::conditional(const AbstractConditionalOperator *C) {
  const auto *Plain = dyn_cast<ConditionalOperator>(C);
  if (!Plain) {
    fail(C->getBeginLoc(), Diag::Unsupported,
         "'cosm::await' in a '?:' without a middle operand");
    return "";
  }
  if (!Plan.containsAwait(C->getTrueExpr()) &&
      !Plan.containsAwait(C->getFalseExpr())) {
    replace(C->getCond(), expr(C->getCond()));
    return render(C);
  }
  if (!keepBefore(C->getCond()))
    return "";
  std::string Cond = expr(C->getCond());
  // Only the chosen side runs, and only its await suspends.
  QualType Type = C->getType();
  bool Object = C->isPRValue() && !Type->isScalarType() && !Type->isVoidType();
  std::string Name;
  if (C->isGLValue())
    Name = member(MemberRole::Chosen, typeText(Type) + " *", "chosen");
  else if (!Object && !Type->isVoidType())
    Name = member(MemberRole::Chosen, typeText(Type.getUnqualifiedType()),
                  "chosen");
  // An object result: the true side declares the slot, the false side
  // constructs the same slot (its live bit too), so the code after the `if`
  // has one object to use and to destroy, whichever side ran.
  int ObjectBit = -1;
  auto Assign = [&](const Expr *Side) {
    std::string Value = expr(Side);
    // `b ? cosm::await(f()) : throw E()`: that side makes no value.
    if (Type->isVoidType() || isa<CXXThrowExpr>(Side->IgnoreParenImpCasts())) {
      code(Value + ";\n");
    } else if (C->isGLValue()) {
      code(Name + " = " + addressOf(Side, Value) + ";\n");
    } else if (Object && Name.empty()) {
      Name = objectTemp(Type, Value, /*Maybe=*/true);
      ObjectBit = Temps.empty() ? -1 : Temps.back().LiveBit;
    } else if (Object) {
      code("::new (&" + Name + ") " + typeText(Type.getUnqualifiedType()) +
           "(" + Value + ");\n");
      if (ObjectBit >= 0)
        setLive(ObjectBit);
    } else {
      code(Name + " = " + Value + ";\n");
    }
  };
  code("if (" + Cond + ") {\n");
  ++Branches;
  Assign(C->getTrueExpr());
  code("} else {\n");
  Assign(C->getFalseExpr());
  --Branches;
  code("}\n");
  if (Type->isVoidType())
    return "void()";
  if (C->isGLValue())
    return C->isXValue() ? "std::move(*" + Name + ")" : "(*" + Name + ")";
  if (Object) {
    // Constructed on both sides: as sure to exist as the `if` itself is.
    for (Temp &T : Temps)
      if (T.Name == Name)
        T.Maybe = Branches > 0;
    return "std::move(" + Name + ")";
  }
  return Name;
}

} // namespace cosm
