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
#include <optional>
#include <string>

namespace cosm {

/// The code that replaces one async function definition.
struct LoweredFunction {
  /// The frame struct's definition.
  std::string Frame;
  /// The function itself: its signature and a body that creates the frame.
  std::string Function;
};

/// Lowers the function \p Plan describes; none after reporting an error.
std::optional<LoweredFunction> emitFrame(FunctionPlan &Plan,
                                         clang::ASTContext &Context,
                                         EditedText &Text);

} // namespace cosm

#endif // COSM_EMIT_FRAMEEMITTER_H
