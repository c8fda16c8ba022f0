//===- driver/MacroExpansion.h - Awaits written in macros -------*- C++ -*-===//
///
/// \file
/// What a macro expansion produces (`LOG(cosm::await(f()))`, a macro whose
/// body awaits, RETURN_IF_ERROR's `return`) has no place in the file where
/// cosm-lower could rewrite it. Such invocations are expanded in the
/// input's text first: each becomes its expansion followed by the
/// invocation as a comment, so that every line keeps its number, and that
/// text is lowered instead. So are the invocations in a COSM_ASYNC function
/// of the program's macros whose text names where it is (`__func__`,
/// `__LINE__`, `__FILE__`): in the lowered file they would name the frame's
/// resume() and the lowered file's lines.
///
//===----------------------------------------------------------------------===//
#ifndef COSM_DRIVER_MACROEXPANSION_H
#define COSM_DRIVER_MACROEXPANSION_H

#include "clang/AST/ASTContext.h"
#include "clang/Lex/Preprocessor.h"
#include <map>
#include <optional>
#include <set>
#include <string>

namespace cosm {

/// The tokens macro expansions produce in the main file, by the offset of
/// the outermost invocation. Attached before the main file is read.
class MacroTokens {
public:
  void attach(clang::Preprocessor &PP);
  /// The main file's text with every invocation expanded that produces a
  /// `cosm::await` or, in a COSM_ASYNC function, a return, a jump, a
  /// declaration, `this`, `__func__` or `__LINE__`; none when there is no
  /// such invocation.
  std::optional<std::string> expandRewritten(clang::ASTContext &Context) const;

private:
  std::map<unsigned, std::string> Expansions;
  /// The invocations whose expansion uses __LINE__, __FILE__ or the like.
  std::set<unsigned> NamePlace;
};

} // namespace cosm

#endif // COSM_DRIVER_MACROEXPANSION_H
