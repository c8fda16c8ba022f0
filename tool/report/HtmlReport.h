//===- report/HtmlReport.h - One page to look at a lowering -----*- C++ -*-===//
///
/// \file
/// `--emit=html`: one self-contained page per input (no script, no external
/// resource): the source and the lowered code side by side, each
/// `cosm::await` in the source linked to the code generated for it and back,
/// and the state graph as inline SVG, drawn by Graphviz's `dot`.
///
//===----------------------------------------------------------------------===//
#ifndef COSM_REPORT_HTMLREPORT_H
#define COSM_REPORT_HTMLREPORT_H

#include "emit/Output.h"
#include "llvm/Support/Error.h"
#include <string>

namespace cosm {

/// Runs `dot -Tsvg` (found on PATH) on \p Dot and returns the SVG element;
/// an error that says what to install when there is no `dot`.
llvm::Expected<std::string> drawSvg(llvm::StringRef Dot);

/// The page for \p File, lowered as \p Lowered; \p Svg is the state graph
/// of renderDot(..., NodeLinks=true).
std::string renderHtml(llvm::StringRef File, const LoweredFile &Lowered,
                       llvm::StringRef Svg);

} // namespace cosm

#endif // COSM_REPORT_HTMLREPORT_H
