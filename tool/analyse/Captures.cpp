//===- analyse/Captures.cpp - A lambda's captures, also in a template -----===//
///
/// \file
/// In a template, Clang leaves a lambda's implicit captures to each
/// instantiation: the pattern's capture list holds only what was written.
/// The frame and the lifted closures are written for the pattern, so they
/// need the whole list: the locals of the functions around the lambda that
/// its body names, captured as its default says, in the order of first use
/// (the order Clang gives an instantiation's implicit captures).
///
//===----------------------------------------------------------------------===//

#include "analyse/FunctionPlan.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "llvm/ADT/SmallPtrSet.h"

using namespace clang;

namespace cosm {
namespace {
/// The locals of enclosing functions that a lambda's body uses, and whether
/// it uses `this`.
class OuterUses : public RecursiveASTVisitor<OuterUses> {
public:
  explicit OuterUses(const LambdaExpr *L) : Call(L->getCallOperator()) {}

  llvm::SmallVector<std::pair<VarDecl *, SourceLocation>, 4> Vars;
  SourceLocation This;

  bool VisitDeclRefExpr(DeclRefExpr *E) {
    auto *V = dyn_cast<VarDecl>(E->getDecl());
    if (V && V->hasLocalStorage() && !Call->Encloses(V->getDeclContext()) &&
        Seen.insert(V).second)
      Vars.push_back({V, E->getLocation()});
    return true;
  }
  bool VisitCXXThisExpr(CXXThisExpr *E) { return useThis(E->getLocation()); }
  bool VisitCXXDependentScopeMemberExpr(CXXDependentScopeMemberExpr *E) {
    return !E->isImplicitAccess() || useThis(E->getMemberLoc());
  }
  bool VisitUnresolvedMemberExpr(UnresolvedMemberExpr *E) {
    return !E->isImplicitAccess() || useThis(E->getMemberLoc());
  }
  /// `sizeof` operands capture nothing. (A name only in a `decltype` is
  /// captured: harmless, and the TypeLoc traversal's signature differs
  /// between LLVM 19 and 22.)
  bool TraverseUnaryExprOrTypeTraitExpr(UnaryExprOrTypeTraitExpr *) {
    return true;
  }
  /// A class declared in the body has its own `this`.
  bool TraverseCXXRecordDecl(CXXRecordDecl *D) {
    return !D->isLambda() ||
           RecursiveASTVisitor<OuterUses>::TraverseCXXRecordDecl(D);
  }

private:
  bool useThis(SourceLocation Loc) {
    if (This.isInvalid())
      This = Loc;
    return true;
  }
  const CXXMethodDecl *Call;
  llvm::SmallPtrSet<const VarDecl *, 8> Seen;
};
} // namespace

std::vector<LambdaCapture> capturesOf(const LambdaExpr *L) {
  std::vector<LambdaCapture> All(L->capture_begin(), L->capture_end());
  if (!L->getLambdaClass()->isDependentContext() ||
      L->getCaptureDefault() == LCD_None)
    return All;
  llvm::SmallPtrSet<const ValueDecl *, 8> Have;
  bool HaveThis = false;
  for (const LambdaCapture &C : All) {
    HaveThis |= C.capturesThis();
    if (C.capturesVariable())
      Have.insert(C.getCapturedVar());
  }
  OuterUses Uses(L);
  Uses.TraverseStmt(L->getBody());
  // `this` goes first: [=] and [&] both capture it by reference, and
  // which of the closure's members comes first is not observable.
  if (!HaveThis && Uses.This.isValid())
    All.emplace_back(Uses.This, /*Implicit=*/true, LCK_This);
  LambdaCaptureKind Kind =
      L->getCaptureDefault() == LCD_ByRef ? LCK_ByRef : LCK_ByCopy;
  for (auto [V, Loc] : Uses.Vars)
    if (!Have.count(V))
      All.emplace_back(Loc, /*Implicit=*/true, Kind, V);
  return All;
}

} // namespace cosm
