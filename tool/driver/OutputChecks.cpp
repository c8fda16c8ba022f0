//===- driver/OutputChecks.cpp - Never write over an input ----------------===//

#include "driver/OutputChecks.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;

namespace cosm {

/// \p Path absolute, without `.` and `..`.
static SmallString<256> normalised(StringRef Path) {
  SmallString<256> Result(Path);
  sys::fs::make_absolute(Result);
  sys::path::remove_dots(Result, /*remove_dot_dot=*/true);
  return Result;
}

bool sameFile(StringRef A, StringRef B) {
  sys::fs::UniqueID IdA, IdB;
  if (!sys::fs::getUniqueID(A, IdA) && !sys::fs::getUniqueID(B, IdB))
    return IdA == IdB;
  // An output that does not exist yet can still be named twice.
  return normalised(A) == normalised(B);
}

static bool refuse(StringRef Option, StringRef Path, const Twine &What) {
  errs() << "cosm-lower: error: " << Option << " '" << Path << "' is " << What
         << " (the same file): cosm-lower never overwrites its input; write "
            "to another file\n";
  return false;
}

bool checkOutputsAgainstSources(StringRef Output, StringRef DepFile,
                                ArrayRef<std::string> Sources) {
  for (const std::string &Source : Sources) {
    if (!Output.empty() && sameFile(Output, Source))
      return refuse("-o", Output, "the input '" + Source + "'");
    if (!DepFile.empty() && sameFile(DepFile, Source))
      return refuse("--depfile", DepFile, "the input '" + Source + "'");
  }
  if (!Output.empty() && !DepFile.empty() && sameFile(Output, DepFile)) {
    errs() << "cosm-lower: error: --depfile '" << DepFile << "' is the -o "
           << "file '" << Output << "' (the same file): give the depfile "
           << "another name\n";
    return false;
  }
  return true;
}

bool checkOutputsAgainstIncludes(StringRef Output, StringRef DepFile,
                                 StringRef Source,
                                 ArrayRef<std::string> Included) {
  for (StringRef Option : {"-o", "--depfile"}) {
    StringRef Path = Option == "-o" ? Output : DepFile;
    sys::fs::UniqueID Id, HeaderId;
    // Only an existing file can be an included one.
    if (Path.empty() || sys::fs::getUniqueID(Path, Id))
      continue;
    for (const std::string &Header : Included)
      if (!sys::fs::getUniqueID(Header, HeaderId) && Id == HeaderId)
        return refuse(Option, Path,
                      "'" + Header + "', which the input '" + Source +
                          "' includes");
  }
  return true;
}

} // namespace cosm
