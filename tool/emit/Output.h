//===- emit/Output.h - The lowered translation unit -------------*- C++ -*-===//
///
/// \file
/// Lowers every async function of a parsed main file and returns the file's
/// new text: byte-identical to the input except for the async definitions,
/// which libFormat formats.
///
//===----------------------------------------------------------------------===//
#ifndef COSM_EMIT_OUTPUT_H
#define COSM_EMIT_OUTPUT_H

#include "support/SourceText.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Attr.h"
#include "clang/Format/Format.h"
#include <optional>
#include <string>

namespace cosm {

/// Where COSM_ASYNC stands in the main file.
std::optional<Span> annotationSpan(const clang::AnnotateAttr *A,
                                   const EditedText &Text);

/// Where \p F's declaration begins, COSM_ASYNC included.
std::optional<unsigned> declarationStart(const clang::FunctionDecl *F,
                                         const EditedText &Text);

/// The lowered main file, or none after reporting errors.
std::optional<std::string> lowerMainFile(clang::ASTContext &Context,
                                         const clang::format::FormatStyle &Style);

} // namespace cosm

#endif // COSM_EMIT_OUTPUT_H
