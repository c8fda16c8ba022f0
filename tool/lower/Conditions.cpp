//===- lower/Conditions.cpp - Ifs, and the heads of conditional statements ===//
///
/// \file
/// `if (init; T x = e)` and the heads of while, for and switch: kept as
/// written unless a variable of the head lives in the frame, then lowered
/// as a block that declares it first. An `if constexpr` with a resume point
/// keeps the branch the condition selects, or, in a template, both, each
/// entered through its own region.
///
//===----------------------------------------------------------------------===//

#include "lower/Lowerer.h"
#include "llvm/Support/FormatVariadic.h"

using namespace clang;

namespace cosm {

std::string Lowerer::condition(const Expr *E) {
  std::string Value = expr(E);
  if (Temps.empty() && Handles.empty())
    return Value;
  // The condition's temporaries end with it: keep only its value.
  std::string Name = member(MemberRole::Condition, "bool", "condition");
  code(Name + " = static_cast<bool>(" + Value + ");\n");
  endFullExpression();
  return Name;
}

std::string Lowerer::head(const Stmt *Init, const DeclStmt *Variable,
                          const Expr *Cond) {
  std::string Head;
  if (Init)
    Head = render(Init) + (isa<DeclStmt>(Init) ? " " : "; ");
  // The condition of `if (T *p = f())` is the conversion of p: the
  // declaration is what the user wrote.
  return Head + (Variable ? render(Variable) : render(Cond));
}

bool Lowerer::headIsLowered(const Stmt *S, const Stmt *Init,
                            const DeclStmt *Variable) {
  auto InFrame = [&](const Stmt *Decls) {
    const auto *D = dyn_cast_or_null<DeclStmt>(Decls);
    return D && llvm::any_of(D->decls(), [&](const Decl *Each) {
             const auto *V = dyn_cast<VarDecl>(Each);
             return V && Plan.frameVar(V);
           });
  };
  return (Init || Variable) &&
         (Plan.containsAwait(S) || InFrame(Init) || InFrame(Variable));
}

void Lowerer::headDecls(const Stmt *Init, const DeclStmt *Variable) {
  if (Init)
    stmt(Init);
  if (Variable)
    stmt(Variable);
}

void Lowerer::ifStmt(const IfStmt *I) {
  if (I->isConstexpr() && Plan.containsAwait(I))
    return constexprIf(I);
  std::string Keyword = I->isConstexpr() ? "if constexpr (" : "if (";
  const DeclStmt *Variable = I->getConditionVariableDeclStmt();
  bool Lowered = headIsLowered(I, I->getInit(), Variable);
  if (Lowered) {
    // `if (init; T x = e) ...` is `{ init; T x = e; if (x) ... }`: the
    // variables live as long as the whole statement, else branch included.
    code("{\n");
    pushScope(I);
    headDecls(I->getInit(), Variable);
    code(Keyword +
         (Variable ? variableUse(I->getConditionVariable())
                   : condition(I->getCond())) +
         ") ");
  } else if (I->getInit() || Variable) {
    code(Keyword + head(I->getInit(), Variable, I->getCond()) + ") ");
  } else {
    code(Keyword + condition(I->getCond()) + ") ");
  }
  block(I->getThen());
  if (I->getElse()) {
    code("else ");
    block(I->getElse());
  }
  if (Lowered) {
    popScope(I->getEndLoc());
    code("}\n");
  }
}

/// An `if constexpr` with a resume point inside: the dispatch cannot jump
/// into it, so only the branch the condition selects is lowered (the other
/// is discarded by C++ all the same).
void Lowerer::constexprIf(const IfStmt *I) {
  const Expr *Cond = I->getCond();
  if (I->getInit()) {
    fail(I->getBeginLoc(), Diag::Unsupported,
         "an 'if constexpr' with an init-statement that suspends");
    return;
  }
  if (Cond->isValueDependent())
    return dependentConstexprIf(I);
  bool Chosen = Cond->EvaluateKnownConstInt(Context).getBoolValue();
  code("// if constexpr (" + render(Cond) + "): the " +
       (Chosen ? "first" : "second") + " branch.\n");
  if (const Stmt *Branch = Chosen ? I->getThen() : I->getElse())
    block(Branch);
}

/// In a template the branch is known per instantiation only: both stay,
/// each entered through a label before the `if constexpr` and a switch of
/// its own (the discarded branch's labels do not exist).
void Lowerer::dependentConstexprIf(const IfStmt *I) {
  unsigned Then = ++RegionCount, Else = ++RegionCount;
  add(Op::BranchEntries, {}, CurrentLine).Id = Then;
  code("if constexpr (" + render(I->getCond()) + ") {\n");
  branchRegion(Then, I->getThen());
  code("} else {\n");
  branchRegion(Else, I->getElse());
  code("}\n");
}

void Lowerer::branchRegion(unsigned Id, const Stmt *Branch) {
  enterRegion(Region::ConstexprBranch, Id,
              llvm::formatv("branch_{0}", Id).str());
  add(Op::Dispatch, {}, CurrentLine).Id = Id;
  if (Branch)
    block(Branch);
  leaveRegion();
}

} // namespace cosm
