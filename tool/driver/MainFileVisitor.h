//===- driver/MainFileVisitor.h - Visit the main file's code ----*- C++ -*-===//
///
/// \file
/// The text pre-passes rewrite only the main file: their visitors skip the
/// declarations of included files and template instantiations.
///
//===----------------------------------------------------------------------===//
#ifndef COSM_DRIVER_MAINFILEVISITOR_H
#define COSM_DRIVER_MAINFILEVISITOR_H

#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"

namespace cosm {

template <class Derived>
struct MainFileVisitor : clang::RecursiveASTVisitor<Derived> {
  const clang::SourceManager &SM;
  explicit MainFileVisitor(const clang::SourceManager &SM) : SM(SM) {}
  bool shouldVisitTemplateInstantiations() const { return false; }
  bool TraverseDecl(clang::Decl *D) {
    if (D && !llvm::isa<clang::TranslationUnitDecl>(D) &&
        D->getLocation().isValid() &&
        !SM.isInMainFile(SM.getExpansionLoc(D->getLocation())))
      return true;
    return clang::RecursiveASTVisitor<Derived>::TraverseDecl(D);
  }
};

} // namespace cosm

#endif // COSM_DRIVER_MAINFILEVISITOR_H
