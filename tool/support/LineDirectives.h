//===- support/LineDirectives.h - #line for the lowered file ----*- C++ -*-===//
///
/// \file
/// With --line-directives, the lowered file carries `#line N "file"` so that
/// a compiler error or a debugger step in generated code points at the
/// user's file: a user statement at its own line, generated glue at the line
/// of the construct it implements (the await, the function). The emitters
/// are generous with directives; tidyLineDirectives() drops, after
/// formatting, the ones that say nothing new.
///
//===----------------------------------------------------------------------===//
#ifndef COSM_SUPPORT_LINEDIRECTIVES_H
#define COSM_SUPPORT_LINEDIRECTIVES_H

#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/StringRef.h"
#include <string>

namespace cosm {

class LineDirectives {
public:
  /// \p FileName is the name the directives give (the input as named).
  LineDirectives(const clang::SourceManager &SM, llvm::StringRef FileName);

  /// The main-file line of \p Loc (its expansion), or 0 if it has none.
  unsigned line(clang::SourceLocation Loc) const;
  /// The line of byte \p Offset of the main file.
  unsigned lineOfOffset(unsigned Offset) const;
  /// `#line N "file"` and a newline.
  std::string directive(unsigned Line) const;
  /// \p Text with a directive for \p Line before each of its lines: every
  /// line of generated code that implements one construct maps to it.
  std::string markEachLine(llvm::StringRef Text, unsigned Line) const;
  /// The file name as a string literal, quotes included.
  const std::string &quotedFile() const { return Quoted; }

private:
  const clang::SourceManager &SM;
  std::string Quoted; ///< the file name as a string literal
};

/// Drops the `#line` directives of \p Text that change nothing: one followed
/// directly by another, and one naming the line and file already current.
std::string tidyLineDirectives(llvm::StringRef Text);

} // namespace cosm

#endif // COSM_SUPPORT_LINEDIRECTIVES_H
