//===- driver/OutputFiles.cpp - The output and its depfile ---------------===//

#include "driver/OutputFiles.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;

namespace cosm {

static bool cannotWrite(StringRef Path, const Twine &Why) {
  errs() << "cosm-lower: error: cannot write " << Path << ": " << Why << "\n";
  return false;
}

/// Closes \p OS: false, after an error, if any byte could not be written.
static bool close(raw_fd_ostream &OS, StringRef Path) {
  OS.close();
  if (std::error_code Error = OS.error()) {
    OS.clear_error(); // else its destructor aborts
    return cannotWrite(Path, Error.message());
  }
  return true;
}

/// Writes \p Path whole or not at all: to a temporary file beside it,
/// renamed over it once \p Write wrote everything and \p BeforeKeep (if
/// given) succeeded. A device or a pipe (/dev/stdout) cannot be replaced
/// and is written directly.
static bool writeWhole(StringRef Path, function_ref<void(raw_ostream &)> Write,
                       function_ref<bool()> BeforeKeep = nullptr) {
  SmallString<256> Target(Path);
  sys::fs::file_status Status;
  if (!sys::fs::status(Path, Status)) {
    if (Status.type() != sys::fs::file_type::regular_file) {
      std::error_code Error;
      raw_fd_ostream OS(Path, Error, sys::fs::OF_None);
      if (Error)
        return cannotWrite(Path, Error.message());
      Write(OS);
      return close(OS, Path) && (!BeforeKeep || BeforeKeep());
    }
    // Through a symbolic link, the file it names is replaced, not the link.
    sys::fs::real_path(Path, Target);
  }
  Expected<sys::fs::TempFile> Temp = sys::fs::TempFile::create(
      Target + ".cosm-tmp-%%%%%%", sys::fs::all_read | sys::fs::all_write);
  if (!Temp)
    return cannotWrite(Path, toString(Temp.takeError()));
  raw_fd_ostream OS(Temp->FD, /*shouldClose=*/false);
  Write(OS);
  OS.flush();
  bool Written = !OS.has_error();
  if (!Written) {
    cannotWrite(Path, OS.error().message());
    OS.clear_error();
  }
  if (!Written || (BeforeKeep && !BeforeKeep())) {
    consumeError(Temp->discard());
    return false;
  }
  if (Error Kept = Temp->keep(Target))
    return cannotWrite(Path, toString(std::move(Kept)));
  return true;
}

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

bool writeFile(StringRef Path, StringRef Content, StringRef DepFile,
               ArrayRef<std::string> Deps) {
  // The depfile: one rule, "Path: Deps...", one dependency per line.
  auto WriteRule = [&](raw_ostream &OS) {
    writeMakePath(OS, Path);
    OS << ":";
    for (const std::string &Dep : Deps) {
      OS << " \\\n  ";
      writeMakePath(OS, Dep);
    }
    OS << "\n";
  };
  // The depfile first: if it cannot be written, the output is not kept
  // either, so the build does not see a result without its dependencies.
  return writeWhole(
      Path, [&](raw_ostream &OS) { OS << Content; },
      [&] { return DepFile.empty() || writeWhole(DepFile, WriteRule); });
}

} // namespace cosm
