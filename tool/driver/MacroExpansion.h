//===- driver/MacroExpansion.h - Awaits written in macros -------*- C++ -*-===//
///
/// \file
/// What a macro expansion produces (`LOG(cosm::await(f()))`, a macro whose
/// body awaits, RETURN_IF_ERROR's `return`) has no place in the file where
/// cosm-lower could rewrite it. Such invocations are expanded in the
/// input's text first: each becomes its expansion followed by the
/// invocation as a comment, so that every line keeps its number, and that
/// text is lowered instead.
///
//===----------------------------------------------------------------------===//
#ifndef COSM_DRIVER_MACROEXPANSION_H
#define COSM_DRIVER_MACROEXPANSION_H

#include "clang/AST/ASTContext.h"
#include "clang/Lex/Preprocessor.h"
#include <map>
#include <optional>
#include <string>

namespace cosm {

/// The tokens macro expansions produce in the main file, by the offset of
/// the outermost invocation. Attached before the main file is read.
class MacroTokens {
public:
  void attach(clang::Preprocessor &PP);
  /// The main file's text with every invocation expanded that produces a
  /// `cosm::await` or, in a COSM_ASYNC function, a return, a jump, a
  /// declaration or `this`; none when there is no such invocation.
  std::optional<std::string> expandRewritten(clang::ASTContext &Context) const;

private:
  std::map<unsigned, std::string> Expansions;
};

} // namespace cosm

#endif // COSM_DRIVER_MACROEXPANSION_H
