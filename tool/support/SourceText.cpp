//===- support/SourceText.cpp - The main file's text, with edits ----------===//

#include "support/SourceText.h"
#include "clang/Lex/Lexer.h"
#include <climits>

using namespace clang;

namespace cosm {

EditedText::EditedText(const SourceManager &SM, const LangOptions &LO)
    : SM(SM), LO(LO), Buffer(SM.getBufferData(SM.getMainFileID())) {}

std::optional<Span> EditedText::span(SourceRange TokenRange) const {
  CharSourceRange Range = Lexer::makeFileCharRange(
      CharSourceRange::getTokenRange(TokenRange), SM, LO);
  if (Range.isInvalid())
    return std::nullopt;
  auto [BeginFile, Begin] = SM.getDecomposedLoc(Range.getBegin());
  auto [EndFile, End] = SM.getDecomposedLoc(Range.getEnd());
  if (BeginFile != SM.getMainFileID() || EndFile != BeginFile || End < Begin)
    return std::nullopt;
  return Span{Begin, End};
}

std::optional<unsigned> EditedText::offset(SourceLocation Loc) const {
  auto [File, Offset] = SM.getDecomposedLoc(SM.getFileLoc(Loc));
  if (File != SM.getMainFileID())
    return std::nullopt;
  return Offset;
}

void EditedText::replace(Span Where, std::string Text) {
  unsigned Seq = NextSeq++;
  Edits[Key(Where.Begin, -long(Where.End), -long(Seq))] =
      Edit{Where.End, Seq, std::move(Text)};
}

std::string EditedText::render(Span Where) const {
  std::string Out;
  unsigned Cursor = Where.Begin;
  // Edits sort by begin, longest first: one forward walk applies the
  // outermost ones and skips whatever they hide.
  for (auto It = Edits.lower_bound(Key(Where.Begin, LONG_MIN, LONG_MIN));
       It != Edits.end(); ++It) {
    unsigned Begin = std::get<0>(It->first);
    const Edit &E = It->second;
    if (Begin >= Where.End)
      break;
    if (Begin < Cursor || E.End > Where.End)
      continue;
    Out += Buffer.substr(Cursor, Begin - Cursor);
    Out += E.Text;
    Cursor = E.End;
  }
  if (Cursor < Where.End)
    Out += Buffer.substr(Cursor, Where.End - Cursor);
  return Out;
}

std::string EditedText::comments(Span Where) const {
  std::string Out;
  llvm::StringRef Gap = original(Where);
  while (!Gap.empty()) {
    size_t Line = Gap.find("//"), Block = Gap.find("/*");
    if (Line == llvm::StringRef::npos && Block == llvm::StringRef::npos)
      break;
    if (Line < Block) {
      size_t End = Gap.find('\n', Line);
      Out += Gap.substr(Line, End - Line).rtrim().str() + "\n";
      Gap = End == llvm::StringRef::npos ? "" : Gap.substr(End);
    } else {
      size_t End = Gap.find("*/", Block);
      End = End == llvm::StringRef::npos ? Gap.size() : End + 2;
      Out += Gap.substr(Block, End - Block).str() + "\n";
      Gap = Gap.substr(End);
    }
  }
  return Out;
}

} // namespace cosm
