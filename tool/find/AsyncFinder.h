//===- find/AsyncFinder.h - COSM_ASYNC functions and their awaits -*- C++
//-*-===//
///
/// \file
/// The first stage: finds the async function definitions of the main file
/// and recognises `cosm::await(...)` calls. It only records; an await outside
/// an async function is reported here, everything else later.
///
//===----------------------------------------------------------------------===//
#ifndef COSM_FIND_ASYNCFINDER_H
#define COSM_FIND_ASYNCFINDER_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include <optional>
#include <vector>

namespace cosm {

/// What `cosm::await(x)` does, decided by the type of `x`.
enum class AwaitKind {
  Coroutine, ///< runs the child inline, in the same step
  Task,      ///< suspends until the task is done, through the loop
  Future,    ///< suspends until the future is done, through the loop
  /// In a template, an operand whose type depends on a template parameter:
  /// decided by the instantiation (cosm::Awaiter), one of the three above.
  Dependent,
  /// `cosm::sleep(d)` awaited where it is called: run in the frame
  /// (cosm::SleepAwaiter), a bare yield through the loop for d <= 0.
  Sleep,
};

/// The `cosm::await` call \p S is, or null.
const clang::CallExpr *asAwait(const clang::Stmt *S);
/// Decided by the operand's type; none when it depends on a template
/// parameter in a way that does not say.
std::optional<AwaitKind> awaitKind(const clang::CallExpr *Await);

/// The delay of \p Operand when it is a call of the runtime's
/// `cosm::sleep(double)`, else null.
const clang::Expr *sleepDelay(const clang::Expr *Operand);

/// True if \p F carries COSM_ASYNC (`[[clang::annotate("cosm.async")]]`).
bool isAsync(const clang::Decl *F);

/// `T` when \p Type is `cosm::Coro<T>`.
std::optional<clang::QualType> coroResultType(clang::QualType Type);

/// A COSM_ASYNC lambda (`[captures] COSM_ASYNC (params) -> cosm::Coro<T>`),
/// and the declaration its frame is defined before: the innermost one that
/// stands in a namespace or a class.
struct AsyncLambda {
  const clang::LambdaExpr *Lambda = nullptr;
  const clang::Decl *Anchor = nullptr;
};

/// What the main file defines as COSM_ASYNC.
struct AsyncDefinitions {
  /// Functions (and function templates), in source order.
  std::vector<const clang::FunctionDecl *> Functions;
  /// Lambdas, each after the async lambdas inside it: a lambda is lowered
  /// first, and what encloses it reads its rewritten body.
  std::vector<AsyncLambda> Lambdas;
};

/// The COSM_ASYNC definitions written in the main file. Reports awaits in
/// functions that are not COSM_ASYNC.
AsyncDefinitions findAsyncDefinitions(clang::ASTContext &Context);

} // namespace cosm

#endif // COSM_FIND_ASYNCFINDER_H
