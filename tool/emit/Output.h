//===- emit/Output.h - The lowered translation unit -------------*- C++ -*-===//
///
/// \file
/// Lowers every async function of a parsed main file and returns the file's
/// new text: byte-identical to the input except for the async definitions,
/// which libFormat formats (and, on request, `#line` directives). It can
/// also describe the state machines, while the AST is still there.
///
//===----------------------------------------------------------------------===//
#ifndef COSM_EMIT_OUTPUT_H
#define COSM_EMIT_OUTPUT_H

#include "report/StateGraph.h"
#include "support/SourceText.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Attr.h"
#include "clang/Format/Format.h"
#include <optional>
#include <string>
#include <vector>

namespace cosm {

/// Where COSM_ASYNC stands in the main file.
std::optional<Span> annotationSpan(const clang::AnnotateAttr *A,
                                   const EditedText &Text);

/// Where \p F's declaration begins after its template header: its first
/// attribute (`[[nodiscard]]`) or its first specifier.
std::optional<unsigned> attributesStart(const clang::FunctionDecl *F,
                                        const EditedText &Text);

/// Where \p F's declaration begins, COSM_ASYNC included.
std::optional<unsigned> declarationStart(const clang::FunctionDecl *F,
                                         const EditedText &Text);

/// What the driver asks of a lowering.
struct LowerOptions {
  /// `#line` directives that map the generated code to the user's lines.
  bool LineDirectives = false;
  /// Also describe each async function's state machine.
  bool StateGraphs = false;
  /// Also dump each async function's lowering model (--emit=model).
  bool Models = false;
};

/// A lowered main file.
struct LoweredFile {
  std::string Source;  ///< the input as read
  std::string Lowered; ///< the output
  /// With LowerOptions::StateGraphs: one per async function, in source order.
  std::vector<FunctionGraph> Graphs;
  /// With LowerOptions::Models: one dump per async function, in source order.
  std::vector<std::string> Models;
};

/// The lowered main file, or none after reporting errors.
std::optional<LoweredFile>
lowerMainFile(clang::ASTContext &Context,
              const clang::format::FormatStyle &Style,
              const LowerOptions &Options);

} // namespace cosm

#endif // COSM_EMIT_OUTPUT_H
