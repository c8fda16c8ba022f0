//===- lower/Lowering.h - An async function as a frame model ----*- C++ -*-===//
///
/// \file
/// The third stage: walks the body of one planned async function in source
/// order and builds its FrameModel. Only what crosses a suspension point is
/// restructured; the user's statements pass through as code.
///
//===----------------------------------------------------------------------===//
#ifndef COSM_LOWER_LOWERING_H
#define COSM_LOWER_LOWERING_H

#include "lower/FrameModel.h"
#include "support/LineDirectives.h"
#include <optional>

namespace cosm {

/// Lowers the function \p Plan describes; none after reporting an error.
/// \p Lines gives the user's line of each operation (whether or not the
/// output carries `#line` directives).
std::optional<FrameModel> lowerFunction(const FunctionPlan &Plan,
                                        clang::ASTContext &Context,
                                        EditedText &Text,
                                        const LineDirectives &Lines);

} // namespace cosm

#endif // COSM_LOWER_LOWERING_H
