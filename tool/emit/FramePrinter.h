//===- emit/FramePrinter.h - A frame model as C++ ---------------*- C++ -*-===//
///
/// \file
/// The last stage: prints the FrameModel of one async function as its frame
/// struct (members, constructor, unwind(), resume()) and the function that
/// creates it, the signature as the user wrote it. Printing decides nothing.
///
//===----------------------------------------------------------------------===//
#ifndef COSM_EMIT_FRAMEPRINTER_H
#define COSM_EMIT_FRAMEPRINTER_H

#include "lower/FrameModel.h"
#include "support/LineDirectives.h"
#include <optional>
#include <string>

namespace cosm {

/// The code that replaces one async function definition.
struct PrintedFunction {
  /// The frame struct's definition (after the function's declaration, when
  /// the frame calls the function).
  std::string Frame;
  /// The function itself: its signature and a body that creates the frame.
  /// For a COSM_ASYNC lambda, only the new body, which creates the frame.
  std::string Function;
  /// For a frame local to the function: where its body's code starts in
  /// Function (local classes go there); npos otherwise.
  size_t BodyStart = std::string::npos;
};

/// Prints \p Model; none after reporting an error (a signature that only a
/// macro spells). With \p Lines, the code carries `#line` directives.
std::optional<PrintedFunction> printFrame(const FrameModel &Model,
                                          EditedText &Text,
                                          clang::DiagnosticsEngine &Diags,
                                          const LineDirectives *Lines);

} // namespace cosm

#endif // COSM_EMIT_FRAMEPRINTER_H
