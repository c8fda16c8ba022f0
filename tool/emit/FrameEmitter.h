//===- emit/FrameEmitter.h - An async function as a frame struct -*- C++ -*-===//
///
/// \file
/// The last stage: writes the frame struct of one planned async function,
/// its resume() and the function that creates it. resume() is assembled
/// from the user's statements in source order; only what crosses a
/// suspension point is restructured.
///
//===----------------------------------------------------------------------===//
#ifndef COSM_EMIT_FRAMEEMITTER_H
#define COSM_EMIT_FRAMEEMITTER_H

#include "analyse/FunctionPlan.h"
#include "find/AsyncFinder.h"
#include "support/LineDirectives.h"
#include <optional>
#include <string>
#include <vector>

namespace cosm {

/// A suspension point of the lowered function: its `cosm::await` and the
/// value of `state` while the frame waits there (the label `resume_<State>`).
struct Suspension {
  unsigned State = 0;
  const clang::CallExpr *Await = nullptr;
  AwaitKind Kind = AwaitKind::Coroutine;
};

/// The code that replaces one async function definition.
struct LoweredFunction {
  /// The frame struct's definition.
  std::string Frame;
  /// The function itself: its signature and a body that creates the frame.
  std::string Function;
  /// In the order of their states.
  std::vector<Suspension> Suspensions;
};

/// Lowers the function \p Plan describes; none after reporting an error.
/// With \p Lines, the code carries `#line` directives.
std::optional<LoweredFunction> emitFrame(FunctionPlan &Plan,
                                         clang::ASTContext &Context,
                                         EditedText &Text,
                                         const LineDirectives *Lines = nullptr);

} // namespace cosm

#endif // COSM_EMIT_FRAMEEMITTER_H
