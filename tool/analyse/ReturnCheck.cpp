//===- analyse/ReturnCheck.cpp - Falling off a non-void async function ----===//
//
// Follows CheckFallThrough in Clang's Sema/AnalysisBasedWarnings.cpp, which
// is not reachable from outside Sema.
//
//===----------------------------------------------------------------------===//

#include "analyse/ReturnCheck.h"
#include "find/AsyncFinder.h"
#include "support/Diagnostics.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Analysis/Analyses/ReachableCode.h"
#include "clang/Analysis/CFG.h"
#include "llvm/ADT/BitVector.h"

using namespace clang;

namespace cosm {

namespace {
enum class FallThrough { Never, Maybe, Always, Unknown };

/// The blocks control can reach, catch handlers included: without EH edges
/// nothing leads to them.
llvm::BitVector liveBlocks(const CFG &Graph) {
  llvm::BitVector Live(Graph.getNumBlockIDs());
  unsigned Count =
      reachable_code::ScanReachableFromBlock(&Graph.getEntry(), Live);
  if (Count == Graph.getNumBlockIDs())
    return Live;
  for (const CFGBlock *B : Graph)
    if (!Live[B->getBlockID()] && B->pred_empty() &&
        isa_and_nonnull<CXXTryStmt>(B->getTerminatorStmt()))
      reachable_code::ScanReachableFromBlock(B, Live);
  return Live;
}

/// Whether \p F's body can end without a return statement.
FallThrough fallThrough(const FunctionDecl *F, ASTContext &Context) {
  CFG::BuildOptions Options;
  Options.PruneTriviallyFalseEdges = true; // `while (true)` has no exit
  Options.AddEHEdges = false;
  Options.AddInitializers = true;
  Options.AddImplicitDtors = true;
  Options.AddTemporaryDtors = true;
  Options.setAllAlwaysAdd();
  std::unique_ptr<CFG> Graph =
      CFG::buildCFG(F, F->getBody(), &Context, Options);
  if (!Graph)
    return FallThrough::Unknown;
  llvm::BitVector Live = liveBlocks(*Graph);
  bool Returns = false, Abnormal = false, Plain = false;
  // A switch that names every enumerator has no default path, as for Clang.
  CFGBlock::FilterOptions Filter;
  Filter.IgnoreDefaultsWithCoveredEnums = true;
  for (auto I = Graph->getExit().filtered_pred_start_end(Filter); I.hasMore();
       ++I) {
    const CFGBlock *B = *I;
    if (!Live[B->getBlockID()])
      continue;
    // A call to a [[noreturn]] function (std::abort) ends its block.
    if (B->hasNoReturnElement()) {
      Abnormal = true;
      continue;
    }
    // Destructors may follow the return statement: look past them.
    auto It = llvm::find_if(llvm::reverse(*B), [](const CFGElement &E) {
      return E.getAs<CFGStmt>().has_value();
    });
    if (It == B->rend()) {
      if (isa_and_nonnull<CXXTryStmt>(B->getTerminatorStmt()))
        Abnormal = true;
      else
        Plain = true;
      continue;
    }
    const Stmt *S = It->castAs<CFGStmt>().getStmt();
    if (isa<ReturnStmt>(S))
      Returns = true;
    else if (isa<CXXThrowExpr>(S) || isa<CXXTryStmt>(S) ||
             !llvm::is_contained(B->succs(), &Graph->getExit()))
      Abnormal = true;
    else
      Plain = true;
  }
  if (!Plain)
    return FallThrough::Never;
  return Returns || Abnormal ? FallThrough::Maybe : FallThrough::Always;
}
} // namespace

bool checkReturns(const FunctionDecl *F, ASTContext &Context) {
  std::optional<QualType> Result = coroResultType(F->getReturnType());
  if (!Result || (*Result)->isVoidType() || (*Result)->isDependentType() ||
      F->isDependentContext() || !F->getBody())
    return true;
  FallThrough Kind = fallThrough(F, Context);
  if (Kind == FallThrough::Never || Kind == FallThrough::Unknown)
    return true;
  report(Context.getDiagnostics(), F->getBody()->getEndLoc(),
         Diag::MissingReturn, "'" + F->getQualifiedNameAsString() + "'")
      << (Kind == FallThrough::Maybe);
  return false;
}

} // namespace cosm
