//===- driver/LowerAction.cpp - Lower one translation unit ----------------===//
///
/// \file
/// Each rewrite before the lowering (macros that await, awaits in pack
/// expansions, local types of one name, members moved out of their classes)
/// is a reparse of the rewritten text
/// that hands the new AST to the next step; the input's diagnostics stay
/// the input's.
///
//===----------------------------------------------------------------------===//
#include "driver/LowerAction.h"

#include "driver/ClangHints.h"
#include "driver/FrameSizes.h"
#include "driver/InClassMembers.h"
#include "driver/LocalTypeNames.h"
#include "driver/MacroExpansion.h"
#include "driver/PackAwaits.h"
#include "driver/Reparse.h"
#include "clang/AST/ASTConsumer.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Frontend/Utils.h"
#include "llvm/Support/Path.h"
#include <mutex>
#include <optional>

using namespace clang;
using namespace llvm;

namespace cosm {
namespace {

/// The all-TUs executor lowers on several threads: guards every ResultMap.
std::mutex ResultsLock;

/// Collects system headers too.
class AllIncludes : public DependencyCollector {
  bool needSystemDependencies() override { return true; }
};

/// \p Files absolute against \p FS's working directory, the compile
/// command's (the all-TUs executor gives each thread its own, without
/// changing the process's).
std::vector<std::string> absolutePaths(ArrayRef<std::string> Files,
                                       vfs::FileSystem &FS) {
  std::vector<std::string> Result;
  for (StringRef File : Files) {
    SmallString<256> Path(File);
    FS.makeAbsolute(Path);
    sys::path::remove_dots(Path, /*remove_dot_dot=*/true);
    Result.emplace_back(Path);
  }
  return Result;
}

/// Lowers one translation unit and keeps its text.
class LowerAction : public ASTFrontendAction {
public:
  LowerAction(ResultMap &Results, const format::FormatStyle &Style,
              const LowerOptions &Options, FrameLimit Frames)
      : Results(Results), Style(Style), Options(Options), Frames(Frames) {}

  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &CI,
                                                 StringRef File) override {
    // The preprocessor exists but has not entered the main file yet, so
    // the collector still sees every file, the input first.
    auto Deps = std::make_shared<DependencyCollector>();
    Deps->attachToPreprocessor(CI.getPreprocessor());
    auto All = std::make_shared<AllIncludes>();
    All->attachToPreprocessor(CI.getPreprocessor());
    auto Macros = std::make_shared<MacroTokens>();
    Macros->attach(CI.getPreprocessor());
    addClangHints(CI.getDiagnostics(), CI.getLangOpts());
    return std::make_unique<Consumer>(CI, Results, Style, Options, Frames,
                                      File.str(), std::move(Deps),
                                      std::move(All), std::move(Macros));
  }

private:
  class Consumer : public ASTConsumer {
  public:
    Consumer(CompilerInstance &CI, ResultMap &Results,
             const format::FormatStyle &Style, const LowerOptions &Options,
             FrameLimit Frames, std::string File,
             std::shared_ptr<DependencyCollector> Deps,
             std::shared_ptr<DependencyCollector> All,
             std::shared_ptr<MacroTokens> Macros)
        : CI(CI), Results(Results), Style(Style), Options(Options),
          Frames(Frames), File(std::move(File)), Deps(std::move(Deps)),
          All(std::move(All)), Macros(std::move(Macros)) {}
    void HandleTranslationUnit(ASTContext &Context) override {
      if (Context.getDiagnostics().hasErrorOccurred())
        return;
      // Keyed by the real path: the compile command may name the file
      // relative to a directory the tool has left by the time it writes.
      const SourceManager &SM = Context.getSourceManager();
      StringRef Real = SM.getFileEntryRefForID(SM.getMainFileID())
                           ->getFileEntry()
                           .tryGetRealPathName();
      std::optional<LoweredFile> Text;
      auto Lower = [&](CompilerInstance &Instance, ASTContext &AST) {
        if (!AST.getDiagnostics().hasErrorOccurred())
          Text = lowerWithFrameLimit(Instance, AST, Style, Options,
                                     Frames.MaxBytes, Frames.ListSizes);
      };
      // A member whose frame, nested in its class, would hold the class:
      // lower the text with the member defined after the class.
      auto LowerMembers = [&](CompilerInstance &Instance, ASTContext &AST) {
        if (AST.getDiagnostics().hasErrorOccurred())
          return;
        std::optional<std::string> Moved = moveInClassMembers(AST);
        if (!Moved)
          return Lower(Instance, AST);
        reparse(Instance, *Moved, /*AsCompiled=*/false,
                *AST.getDiagnostics().getClient(), Lower);
        if (Text && !Options.LineDirectives)
          Text->Lowered = stripInClassMoves(Text->Lowered);
      };
      // Two local types of one name in a function: lower the text with the
      // later ones renamed, as the frame nests them all in one scope.
      auto LowerTypes = [&](CompilerInstance &Instance, ASTContext &AST) {
        if (AST.getDiagnostics().hasErrorOccurred())
          return;
        TypeRenames Types = renameLocalTypes(AST);
        if (Types.Text)
          reparse(Instance, *Types.Text, /*AsCompiled=*/false,
                  *AST.getDiagnostics().getClient(), LowerMembers);
        else if (!Types.Failed)
          LowerMembers(Instance, AST);
      };
      // Awaits in pack expansions: lower the text with each expansion
      // rewritten as an await of one coroutine per element.
      auto LowerPacks = [&](CompilerInstance &Instance, ASTContext &AST) {
        if (AST.getDiagnostics().hasErrorOccurred())
          return;
        PackRewrite Packs = rewritePackAwaits(AST);
        if (Packs.Text)
          reparse(Instance, *Packs.Text, /*AsCompiled=*/false,
                  *AST.getDiagnostics().getClient(), LowerTypes);
        else if (!Packs.Failed)
          LowerTypes(Instance, AST);
      };
      // What macros produce that the lowering rewrites (awaits, returns):
      // lower the text with those macros expanded.
      if (auto Expanded = Macros->expandRewritten(Context))
        reparse(CI, *Expanded, /*AsCompiled=*/false,
                *Context.getDiagnostics().getClient(), LowerPacks);
      else
        LowerPacks(CI, Context);
      if (!Text) {
        // Errors of the expanded text's parse are the input's errors.
        if (!Context.getDiagnostics().hasErrorOccurred())
          Context.getDiagnostics().Report(
              Context.getDiagnostics().getCustomDiagID(
                  DiagnosticsEngine::Error,
                  "the input, with its macros that await expanded, its pack "
                  "expansions that await rewritten, its local types of one "
                  "name renamed and its members that hold their class moved "
                  "out of it, does not lower"));
        return;
      }
      vfs::FileSystem &FS = SM.getFileManager().getVirtualFileSystem();
      Lowered Result{std::move(*Text),
                     absolutePaths(Deps->getDependencies(), FS),
                     absolutePaths(All->getDependencies(), FS)};
      std::lock_guard<std::mutex> Guard(ResultsLock);
      Results[Real.empty() ? File : Real.str()] = std::move(Result);
    }

  private:
    CompilerInstance &CI;
    ResultMap &Results;
    const format::FormatStyle &Style;
    const LowerOptions &Options;
    FrameLimit Frames;
    std::string File;
    std::shared_ptr<DependencyCollector> Deps;
    std::shared_ptr<DependencyCollector> All;
    std::shared_ptr<MacroTokens> Macros;
  };

  ResultMap &Results;
  const format::FormatStyle &Style;
  const LowerOptions &Options;
  FrameLimit Frames;
};

} // namespace

std::unique_ptr<FrontendAction> LowerActionFactory::create() {
  return std::make_unique<LowerAction>(Results, Style, Options, Frames);
}

} // namespace cosm
