//===- driver/TextEdits.h - Line-keeping edits of the main file -*- C++ -*-===//
///
/// \file
/// The rewrites made before lowering (driver/PackAwaits) are edits of the
/// input's text, which is then parsed again: insertions before a statement
/// and replacements of a written range. Every line keeps its number, so
/// diagnostics and line directives still point at what the user wrote.
///
//===----------------------------------------------------------------------===//
#ifndef COSM_DRIVER_TEXTEDITS_H
#define COSM_DRIVER_TEXTEDITS_H

#include "clang/AST/ASTContext.h"
#include <map>
#include <optional>
#include <set>
#include <string>

namespace cosm {

class TextEdits {
public:
  /// Offsets in the main file: [first, second).
  using Range = std::pair<unsigned, unsigned>;

  explicit TextEdits(clang::ASTContext &Context);

  /// The main file's offsets of \p R (a token range), if it is written
  /// there, outside any macro.
  std::optional<Range> offsets(clang::SourceRange R) const;
  llvm::StringRef text(Range R) const {
    return Source.slice(R.first, R.second);
  }
  /// A name no identifier of the file contains.
  std::string fresh(llvm::StringRef Stem) const;

  /// Declares \p Declaration (one line) before the statement \p E is part
  /// of, in braces if that statement is the body of an if, a loop or a
  /// label: false if there is none (E is in a default argument, say).
  bool declareBefore(const clang::Expr *E, const std::string &Declaration);
  /// Replaces \p R with \p Code, padded with newlines to as many lines:
  /// false if it overlaps an earlier replacement.
  bool replace(Range R, std::string Code);

  bool empty() const { return Inserts.empty() && Replaced.empty(); }
  /// The main file's text with every edit made.
  std::string apply() const;

private:
  bool insertBefore(const clang::Stmt *S, const std::string &Declaration,
                    bool Wrap);

  clang::ASTContext &Context;
  const clang::SourceManager &SM;
  llvm::StringRef Source;
  /// Text inserted before an offset.
  std::map<unsigned, std::string> Inserts;
  /// By offset: the end of the replaced text and what replaces it.
  std::map<unsigned, std::pair<unsigned, std::string>> Replaced;
  /// Statements already wrapped in braces, by offset: the declarations of
  /// later edits go inside the same braces.
  std::set<unsigned> Wrapped;
};

} // namespace cosm

#endif // COSM_DRIVER_TEXTEDITS_H
