//===- driver/FrameSizes.cpp - sizeof each frame, by Clang ----------------===//

#include "driver/FrameSizes.h"
#include "driver/Reparse.h"
#include "support/LLVMCompat.h"
#include "clang/AST/ASTConsumer.h"
#include "clang/AST/DeclCXX.h"
#include <algorithm>

using namespace clang;
using namespace llvm;

namespace cosm {

namespace {
using SizeMap = std::map<std::string, uint64_t>;

/// Reads the size of each frame struct of the main file that \p Sizes
/// names. Frames are at namespace scope or nested in classes, or local to
/// an out-of-line member: only those scopes are walked.
class SizeConsumer : public ASTConsumer {
public:
  SizeConsumer(SizeMap &Sizes, bool &Parsed) : Sizes(Sizes), Parsed(Parsed) {}
  // An error elsewhere does not stop the measure: the user's own checks of
  // the sizes (static_asserts under #ifndef COSM_LOWERING) may fail while
  // the decision is not made yet. A frame with an error has no size.
  void HandleTranslationUnit(ASTContext &Context) override {
    Parsed = true;
    walk(Context, Context.getTranslationUnitDecl());
  }

private:
  void walk(ASTContext &Context, const DeclContext *Scope) {
    const SourceManager &SM = Context.getSourceManager();
    for (const Decl *D : Scope->decls()) {
      if (!SM.isInMainFile(SM.getExpansionLoc(D->getLocation())))
        continue;
      if (const auto *Record = dyn_cast<CXXRecordDecl>(D)) {
        if (!Record->isThisDeclarationADefinition() ||
            Record->isDependentType() || Record->isInvalidDecl())
          continue;
        if (Record->getName().ends_with("_frame"))
          if (auto It = Sizes.find(Record->getQualifiedNameAsString());
              It != Sizes.end())
            It->second = Context.getTypeSizeInChars(recordType(Context, Record))
                             .getQuantity();
        walk(Context, Record);
      } else if (isa<NamespaceDecl, LinkageSpecDecl, ExportDecl>(D)) {
        walk(Context, cast<DeclContext>(D));
      } else if (const auto *M = dyn_cast<CXXMethodDecl>(D);
                 M && M->isOutOfLine() && M->hasBody()) {
        // A member of a class from a header holds its frame as a local
        // class, named here as if nested in the member's class.
        for (const Decl *Local : M->decls())
          if (const auto *Record = dyn_cast<CXXRecordDecl>(Local);
              Record && Record->isThisDeclarationADefinition() &&
              !Record->isInvalidDecl() && Record->getName().ends_with("_frame"))
            if (auto It =
                    Sizes.find(M->getParent()->getQualifiedNameAsString() +
                               "::" + Record->getName().str());
                It != Sizes.end())
              It->second =
                  Context.getTypeSizeInChars(recordType(Context, Record))
                      .getQuantity();
      }
    }
  }

  SizeMap &Sizes;
  bool &Parsed;
};

/// `ns::f_frame` for a slot's `::ns::f_frame`.
StringRef unqualified(StringRef Slot) {
  return Slot.drop_while([](char C) { return C == ':'; });
}
} // namespace

bool measureFrames(CompilerInstance &CI, LoweredFile &File, bool Everyone) {
  // As the output will be compiled: without the analysis declarations, and
  // quietly (errors are --verify's, or the compiler's).
  IgnoringDiagConsumer Quiet;
  SizeMap Sizes;
  for (const FrameSize &Frame : File.Frames)
    Sizes[Frame.Name] = 0;
  bool Parsed = false;
  auto Measure = [&](CompilerInstance &, ASTContext &Context) {
    SizeConsumer(Sizes, Parsed).HandleTranslationUnit(Context);
  };
  // Layouts do not need the functions' bodies, only the frames local to a
  // member do (those are never embedded: only reports list them).
  if (!reparse(CI, File.Lowered, /*AsCompiled=*/true, Quiet, Measure,
               /*SkipBodies=*/!Everyone) ||
      !Parsed)
    return false;
  for (FrameSize &Frame : File.Frames)
    Frame.Bytes = Sizes[Frame.Name];
  return true;
}

namespace {
/// One decision pass, in definition order so that each frame's children
/// are decided (and their new sizes predicted) before it. A frame's size
/// without its slot is its measured size less the slot's (the largest
/// child's); with the children it keeps, that plus the largest of them.
/// Children are dropped largest first until the prediction fits. True if
/// anything was dropped.
bool predictAndDecide(const LoweredFile &File, uint64_t Limit,
                      std::map<std::string, std::set<std::string>> &Allocate) {
  SizeMap Measured, Predicted;
  for (const FrameSize &Frame : File.Frames)
    Measured[Frame.Name] = Frame.Bytes;
  bool Changed = false;
  for (const FrameSize &Frame : File.Frames) {
    uint64_t Slot = 0;
    std::vector<std::pair<uint64_t, std::string>> Kids;
    for (const std::string &Child : Frame.Slot) {
      std::string Name = unqualified(Child).str();
      Slot = std::max(Slot, Measured[Name]);
      auto Now = Predicted.find(Name);
      Kids.emplace_back(Now != Predicted.end() ? Now->second : Measured[Name],
                        Child);
    }
    std::sort(Kids.rbegin(), Kids.rend());
    uint64_t Own = Frame.Bytes > Slot ? Frame.Bytes - Slot : Frame.Bytes;
    auto Size = [&] { return Own + (Kids.empty() ? 0 : Kids.front().first); };
    while (!Kids.empty() && Size() > Limit) {
      Allocate[Frame.Name].insert(Kids.front().second);
      Kids.erase(Kids.begin());
      Changed = true;
    }
    Predicted[Frame.Name] = Size();
  }
  return Changed;
}

/// After a prediction: a frame Clang still measures over the limit while it
/// holds children drops them all. True if anything was dropped.
bool dropRemaining(const LoweredFile &File, uint64_t Limit,
                   std::map<std::string, std::set<std::string>> &Allocate) {
  bool Changed = false;
  for (const FrameSize &Frame : File.Frames)
    if (Frame.Bytes > Limit && !Frame.Slot.empty())
      for (const std::string &Child : Frame.Slot)
        Changed |= Allocate[Frame.Name].insert(Child).second;
  return Changed;
}
} // namespace

// A parent's size depends on which children it embeds, and theirs on their
// own children. Measuring each frame as it is decided would parse the file
// once per function; instead one measurement of the file as lowered with
// every child embedded gives each frame's size without its slot, and the
// decisions are made in definition order (children first) from it. The
// result is then lowered and measured again, and any frame that Clang still
// finds over the limit while holding children gives them all up, until
// nothing changes: every size reported is Clang's, each round removes at
// least one embedding (so the loop ends), and in practice it takes two
// parses of the output, one when no frame passes the limit.
std::optional<LoweredFile> lowerWithFrameLimit(CompilerInstance &CI,
                                               ASTContext &Context,
                                               const format::FormatStyle &Style,
                                               LowerOptions Options,
                                               uint64_t Limit, bool Measure) {
  auto File = lowerMainFile(Context, Style, Options);
  if (!File)
    return std::nullopt;
  bool Embeds = llvm::any_of(
      File->Frames, [](const FrameSize &Frame) { return !Frame.Slot.empty(); });
  if ((!Embeds && !Measure) || !measureFrames(CI, *File, Measure))
    return File;
  DiagnosticsEngine &Diags = Context.getDiagnostics();
  for (bool First = true;; First = false) {
    bool Changed = First ? predictAndDecide(*File, Limit, Options.Allocate)
                         : dropRemaining(*File, Limit, Options.Allocate);
    if (!Changed)
      break;
    // The first lowering printed its warnings already.
    bool Suppressed = Diags.getSuppressAllDiagnostics();
    Diags.setSuppressAllDiagnostics(true);
    auto Again = lowerMainFile(Context, Style, Options);
    Diags.setSuppressAllDiagnostics(Suppressed);
    if (!Again)
      return std::nullopt;
    File = std::move(Again);
    if (!measureFrames(CI, *File, Measure))
      return File;
  }
  // Rust's large_futures lint, as a remark.
  for (FrameSize &Frame : File->Frames) {
    Frame.OverLimit = Frame.Bytes > Limit;
    if (!Frame.OverLimit || Frame.Where.isInvalid())
      continue;
    bool Allocates = Options.Allocate.count(Frame.Name);
    unsigned Id = Diags.getCustomDiagID(
        DiagnosticsEngine::Remark,
        "the frame of '%0' is %1 bytes, over the frame size limit of %2 "
        "bytes (--max-frame-bytes)%3");
    Diags.Report(Frame.Where, Id)
        << Frame.Function << std::to_string(Frame.Bytes)
        << std::to_string(Limit)
        << (Allocates ? "; the coroutines it awaits have their frames "
                        "allocated instead of held in it"
                      : "");
  }
  return File;
}

} // namespace cosm
