//===- support/SourceText.h - The main file's text, with edits --*- C++ -*-===//
///
/// \file
/// cosm-lower keeps the user's code as written wherever it can: the generated
/// resume() is assembled from slices of the original text. EditedText holds
/// the small rewrites those slices need (renamed locals, `this` -> `self`, an
/// await replaced by its result) and renders any slice with them applied.
///
//===----------------------------------------------------------------------===//
#ifndef COSM_SUPPORT_SOURCETEXT_H
#define COSM_SUPPORT_SOURCETEXT_H

#include "clang/Basic/LangOptions.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/StringRef.h"
#include <map>
#include <optional>
#include <string>
#include <tuple>

namespace cosm {

/// A half-open range of offsets into the main file.
struct Span {
  unsigned Begin = 0;
  unsigned End = 0;
  bool contains(Span Other) const {
    return Begin <= Other.Begin && Other.End <= End;
  }
};

class EditedText {
public:
  EditedText(const clang::SourceManager &SM, const clang::LangOptions &LO);

  /// The main-file span of a token range, or none when it does not map to
  /// one contiguous piece of the main file (a macro body, another file).
  std::optional<Span> span(clang::SourceRange TokenRange) const;
  std::optional<Span> span(clang::SourceLocation Token) const {
    return span(clang::SourceRange(Token, Token));
  }
  /// The offset of \p Loc's file location in the main file.
  std::optional<unsigned> offset(clang::SourceLocation Loc) const;

  /// Replaces \p Where by \p Text. A later edit of an enclosing or equal
  /// span hides the edits inside it.
  void replace(Span Where, std::string Text);
  void insert(unsigned At, std::string Text) {
    replace({At, At}, std::move(Text));
  }

  /// The text of \p Where with the edits inside it applied.
  std::string render(Span Where) const;
  /// The original text, without edits.
  llvm::StringRef original(Span Where) const {
    return Buffer.substr(Where.Begin, Where.End - Where.Begin);
  }
  /// The comments between \p Where's ends, each on its own line.
  std::string comments(Span Where) const;

  const clang::SourceManager &sourceManager() const { return SM; }
  const clang::LangOptions &langOptions() const { return LO; }

private:
  struct Edit {
    unsigned End;
    unsigned Seq;
    std::string Text;
  };
  /// Keyed so that, at one offset, the longest and then the newest edit
  /// comes first.
  using Key = std::tuple<unsigned, long, long>;
  std::map<Key, Edit> Edits;
  unsigned NextSeq = 0;
  const clang::SourceManager &SM;
  const clang::LangOptions &LO;
  llvm::StringRef Buffer;
};

} // namespace cosm

#endif // COSM_SUPPORT_SOURCETEXT_H
