//===- lower/Instantiations.cpp - A dependent call, as instantiated -------===//
///
/// \file
/// In a template, a call whose callee or arguments depend on a template
/// parameter is resolved only in the instantiations: there, not in the
/// pattern the frame is written from, Clang shows which argument binds a
/// temporary to a reference parameter and which default argument is used.
/// The instantiations share the pattern's source locations, so the calls
/// are found by place, walking only the declarations around it.
///
//===----------------------------------------------------------------------===//

#include "lower/Lowerer.h"
#include "clang/AST/RecursiveASTVisitor.h"

using namespace clang;

namespace cosm {
namespace {
class CallsAt : public RecursiveASTVisitor<CallsAt> {
public:
  CallsAt(const CallExpr *Pattern, const SourceManager &SM)
      : Pattern(Pattern), SM(SM),
        Where(SM.getExpansionLoc(Pattern->getBeginLoc())) {}
  std::vector<const CallExpr *> Found;

  bool shouldVisitTemplateInstantiations() const { return true; }
  bool TraverseDecl(Decl *D) {
    if (!D)
      return true;
    if (!isa<TranslationUnitDecl>(D)) {
      SourceRange Range = D->getSourceRange();
      if (Range.isInvalid() ||
          SM.isBeforeInTranslationUnit(Where,
                                       SM.getExpansionLoc(Range.getBegin())) ||
          SM.isBeforeInTranslationUnit(SM.getExpansionLoc(Range.getEnd()),
                                       Where))
        return true;
    }
    return RecursiveASTVisitor<CallsAt>::TraverseDecl(D);
  }
  /// A generic lambda's instantiations hang off its call operator.
  bool TraverseLambdaExpr(LambdaExpr *L) {
    if (!RecursiveASTVisitor<CallsAt>::TraverseLambdaExpr(L))
      return false;
    if (FunctionTemplateDecl *Generic = L->getDependentCallOperator())
      for (FunctionDecl *Instance : Generic->specializations())
        if (!TraverseDecl(Instance))
          return false;
    return true;
  }
  bool VisitCallExpr(CallExpr *Call) {
    if (Call != Pattern && !Call->isInstantiationDependent() &&
        Call->getBeginLoc() == Pattern->getBeginLoc() &&
        Call->getRParenLoc() == Pattern->getRParenLoc())
      Found.push_back(Call);
    return true;
  }

private:
  const CallExpr *Pattern;
  const SourceManager &SM;
  SourceLocation Where;
};
} // namespace

std::vector<const CallExpr *> instantiatedCalls(const CallExpr *Pattern,
                                                ASTContext &Context) {
  if (!Pattern->isInstantiationDependent())
    return {};
  CallsAt Finder(Pattern, Context.getSourceManager());
  Finder.TraverseDecl(Context.getTranslationUnitDecl());
  return std::move(Finder.Found);
}
} // namespace cosm
