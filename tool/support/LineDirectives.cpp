//===- support/LineDirectives.cpp - #line for the lowered file ------------===//

#include "support/LineDirectives.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/Support/Path.h"

using namespace clang;

namespace cosm {

LineDirectives::LineDirectives(const SourceManager &SM,
                               llvm::StringRef FileName)
    : SM(SM) {
  // `dir/../src/f.cpp` reads as `src/f.cpp`, however the file was named.
  llvm::SmallString<256> Clean(FileName);
  llvm::sys::path::remove_dots(Clean, /*remove_dot_dot=*/true);
  Quoted = "\"";
  for (char C : Clean) {
    if (C == '\\' || C == '"')
      Quoted += '\\';
    Quoted += C;
  }
  Quoted += '"';
}

unsigned LineDirectives::line(SourceLocation Loc) const {
  if (Loc.isInvalid())
    return 0;
  SourceLocation File = SM.getExpansionLoc(Loc);
  if (SM.getFileID(File) != SM.getMainFileID())
    return 0;
  return SM.getPresumedLineNumber(File);
}

// Presumed lines: the input may carry `#line` (a member moved out of its
// class keeps its lines so, driver/InClassMembers.h).
unsigned LineDirectives::lineOfOffset(unsigned Offset) const {
  return SM.getPresumedLineNumber(
      SM.getComposedLoc(SM.getMainFileID(), Offset));
}

std::string LineDirectives::directive(unsigned Line) const {
  return "#line " + std::to_string(Line) + " " + Quoted + "\n";
}

std::string LineDirectives::markEachLine(llvm::StringRef Text,
                                         unsigned Line) const {
  if (Line == 0)
    return Text.str();
  std::string Out;
  while (!Text.empty()) {
    auto [Head, Rest] = Text.split('\n');
    Out += directive(Line) + Head.str() + "\n";
    Text = Rest;
  }
  return Out;
}

/// Line \p Text as a `#line` directive: its number and file, if it is one.
static bool parseDirective(llvm::StringRef Text, unsigned &Line,
                           llvm::StringRef &File) {
  Text = Text.trim();
  if (!Text.consume_front("#"))
    return false;
  Text = Text.ltrim();
  if (!Text.consume_front("line"))
    return false;
  Text = Text.ltrim();
  size_t Digits = Text.find_first_not_of("0123456789");
  if (Digits == 0 || Text.substr(0, Digits).getAsInteger(10, Line))
    return false;
  File = Text.substr(Digits).trim();
  return true;
}

std::string tidyLineDirectives(llvm::StringRef Text) {
  llvm::SmallVector<llvm::StringRef, 0> Lines;
  Text.split(Lines, '\n');
  std::string Out;
  // What the next line is, for the compiler: none until a directive says
  // (the output file's own lines do not count as the user's).
  unsigned Next = 0;
  llvm::StringRef CurrentFile;
  for (size_t I = 0; I < Lines.size(); ++I) {
    unsigned Line;
    llvm::StringRef File;
    bool Last = I + 1 == Lines.size();
    if (parseDirective(Lines[I], Line, File) && !File.empty()) {
      unsigned NextLine;
      llvm::StringRef NextFile;
      bool Shadowed = !Last &&
                      parseDirective(Lines[I + 1], NextLine, NextFile) &&
                      !NextFile.empty();
      bool Current = File == CurrentFile && Line == Next;
      if (Shadowed || Current)
        continue;
      CurrentFile = File;
      Next = Line;
      Out += Lines[I].str() + "\n";
      continue;
    }
    Out += Lines[I].str();
    if (!Last)
      Out += "\n";
    if (Next)
      ++Next;
  }
  return Out;
}

} // namespace cosm
