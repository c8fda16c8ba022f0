//===- driver/OutputChecks.cpp - Never write over an input ----------------===//

#include "driver/OutputChecks.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <map>

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

bool checkOutputDir(ArrayRef<std::string> Sources,
                    ArrayRef<std::string> Outputs) {
  std::map<std::string, StringRef> Writers;
  std::map<sys::fs::UniqueID, StringRef> Inputs;
  for (size_t I = 0; I < Sources.size(); ++I) {
    const std::string &Source = Sources[I], &Out = Outputs[I];
    auto [It, New] = Writers.emplace(Out, Source);
    if (!New) {
      errs() << "cosm-lower: error: the inputs '" << It->second << "' and '"
             << Source << "' would both be written to '" << Out
             << "' (--output-dir): lower them in separate runs\n";
      return false;
    }
    sys::fs::UniqueID Id;
    if (!sys::fs::getUniqueID(Source, Id))
      Inputs.emplace(Id, Source);
  }
  for (const auto &[Out, Source] : Writers) {
    sys::fs::UniqueID Id;
    if (sys::fs::getUniqueID(Out, Id) || !Inputs.count(Id))
      continue;
    errs() << "cosm-lower: error: --output-dir file '" << Out
           << "' is the input '" << Inputs[Id]
           << "' (the same file): cosm-lower never overwrites its input; "
              "write to another directory\n";
    return false;
  }
  return true;
}

bool checkOutputDirAgainstIncludes(
    ArrayRef<std::string> Sources, ArrayRef<std::string> Outputs,
    ArrayRef<const std::vector<std::string> *> Included) {
  std::map<sys::fs::UniqueID, std::string> Existing;
  for (const std::string &Out : Outputs) {
    sys::fs::UniqueID Id;
    if (!sys::fs::getUniqueID(Out, Id)) // only an existing file is included
      Existing.emplace(Id, Out);
  }
  if (Existing.empty())
    return true;
  StringSet<> Seen; // each header once, however many inputs include it
  for (size_t I = 0; I < Included.size(); ++I) {
    if (!Included[I])
      continue;
    for (const std::string &Header : *Included[I]) {
      sys::fs::UniqueID Id;
      if (!Seen.insert(Header).second || sys::fs::getUniqueID(Header, Id))
        continue;
      auto Found = Existing.find(Id);
      if (Found == Existing.end())
        continue;
      errs() << "cosm-lower: error: --output-dir file '" << Found->second
             << "' is '" << Header << "', which the input '" << Sources[I]
             << "' includes (the same file): cosm-lower never overwrites "
                "its input; write to another directory\n";
      return false;
    }
  }
  return true;
}

} // namespace cosm
