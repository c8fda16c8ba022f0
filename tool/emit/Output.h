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
#include <map>
#include <optional>
#include <set>
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
  /// Frames (by FrameSize::Name) and, for each, the frames of earlier
  /// coroutines it must not hold (by FrameSize::Slot's names) though it
  /// could: the driver's decision on the frame size limit.
  std::map<std::string, std::set<std::string>> Allocate;
};

/// A frame the lowering defined, for the frame size limit and the reports.
struct FrameSize {
  std::string Function; ///< the function, as named in reports
  /// The frame struct's qualified name, as Clang prints it: `ns::f_frame`.
  std::string Name;
  clang::SourceLocation Where; ///< the function (valid with the AST)
  unsigned Line = 0, Column = 0;
  /// The frames its child slot holds (`::ns::f_frame`), if any.
  std::vector<std::string> Slot;
  /// sizeof, computed by Clang from the generated struct; 0 if unknown (a
  /// template's frame, or the size was not asked for).
  uint64_t Bytes = 0;
  bool OverLimit = false; ///< larger than --max-frame-bytes
};

/// A lowered main file.
struct LoweredFile {
  std::string Source;  ///< the input as read
  std::string Lowered; ///< the output
  /// With LowerOptions::StateGraphs: one per async function, in source order.
  std::vector<FunctionGraph> Graphs;
  /// With LowerOptions::Models: one dump per async function, in source order.
  std::vector<std::string> Models;
  /// Every frame defined, in source order (children before their parents).
  std::vector<FrameSize> Frames;
};

/// The lowered main file, or none after reporting errors.
std::optional<LoweredFile>
lowerMainFile(clang::ASTContext &Context,
              const clang::format::FormatStyle &Style,
              const LowerOptions &Options);

} // namespace cosm

#endif // COSM_EMIT_OUTPUT_H
