//===- driver/OutputFiles.cpp - The output and its depfile ---------------===//

#include "driver/OutputFiles.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/ToolOutputFile.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;

namespace cosm {

/// Writes \p Path in Make syntax (spaces, '#' and '$' escaped as GNU Make
/// and Ninja read them).
static void writeMakePath(raw_ostream &OS, StringRef Path) {
  for (char C : Path) {
    if (C == ' ' || C == '#')
      OS << '\\';
    else if (C == '$')
      OS << '$';
    OS << C;
  }
}

/// The depfile: one rule, "Target: Deps...", one dependency per line.
static bool writeDepFile(StringRef Path, StringRef Target,
                         ArrayRef<std::string> Deps) {
  std::error_code Error;
  ToolOutputFile Out(Path, Error, sys::fs::OF_Text);
  if (Error) {
    errs() << "cosm-lower: error: cannot write " << Path << ": "
           << Error.message() << "\n";
    return false;
  }
  writeMakePath(Out.os(), Target);
  Out.os() << ":";
  for (const std::string &Dep : Deps) {
    Out.os() << " \\\n  ";
    writeMakePath(Out.os(), Dep);
  }
  Out.os() << "\n";
  Out.keep();
  return true;
}

bool writeFile(StringRef Path, StringRef Content, StringRef Dep,
               ArrayRef<std::string> Deps) {
  std::error_code Error;
  ToolOutputFile Out(Path, Error, sys::fs::OF_None);
  if (Error) {
    errs() << "cosm-lower: error: cannot write " << Path << ": "
           << Error.message() << "\n";
    return false;
  }
  Out.os() << Content;
  // The depfile first: if it cannot be written, the output is not kept
  // either, so the build does not see a result without its dependencies.
  if (!Dep.empty() && !writeDepFile(Dep, Path, Deps))
    return false;
  Out.keep();
  return true;
}

} // namespace cosm
