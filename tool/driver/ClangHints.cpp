//===- driver/ClangHints.cpp - cosm's notes on Clang's errors -------------===//
///
/// \file
/// A client that forwards every diagnostic to the one Clang set up (so the
/// text, colours and counts stay Clang's) and prints a note after the
/// errors whose cause is cosm's: COSM_ASYNC written after a lambda's
/// parameter list, where C++ reads an attribute as the call operator's
/// type's, which `annotate` cannot be.
///
//===----------------------------------------------------------------------===//
#include "driver/ClangHints.h"

#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/DiagnosticIDs.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "llvm/Support/raw_ostream.h"

#include <memory>

using namespace clang;

namespace cosm {
namespace {

/// True if \p Loc comes from an expansion of the macro \p Name.
bool expandedFrom(SourceLocation Loc, StringRef Name, const SourceManager &SM,
                  const LangOptions &LangOpts) {
  while (Loc.isMacroID()) {
    if (Lexer::getImmediateMacroName(Loc, SM, LangOpts) == Name)
      return true;
    Loc = SM.getImmediateMacroCallerLoc(Loc);
  }
  return false;
}

class HintingClient : public DiagnosticConsumer {
public:
  HintingClient(DiagnosticConsumer *Inner,
                std::unique_ptr<DiagnosticConsumer> Owned,
                const LangOptions &LangOpts)
      : Inner(Inner), Owned(std::move(Owned)), LangOpts(&LangOpts) {}

  void BeginSourceFile(const LangOptions &LO, const Preprocessor *PP) override {
    LangOpts = &LO;
    Inner->BeginSourceFile(LO, PP);
  }
  void EndSourceFile() override {
    Inner->EndSourceFile();
    syncCounts();
  }
  void finish() override {
    Inner->finish();
    syncCounts();
  }
  void clear() override {
    Inner->clear();
    syncCounts();
  }
  bool IncludeInDiagnosticCounts() const override {
    return Inner->IncludeInDiagnosticCounts();
  }

  void HandleDiagnostic(DiagnosticsEngine::Level Level,
                        const Diagnostic &Info) override {
    Inner->HandleDiagnostic(Level, Info);
    syncCounts();
    if (Info.getID() == diag::err_attribute_not_type_attr && LangOpts &&
        Info.hasSourceManager() &&
        expandedFrom(Info.getLocation(), "COSM_ASYNC", Info.getSourceManager(),
                     *LangOpts))
      note(Info.getSourceManager(), Info.getLocation(),
           "COSM_ASYNC marks a lambda before its parameter list: "
           "'[] COSM_ASYNC () -> cosm::Coro<T> { ... }'");
  }

private:
  /// The counts are the inner client's: a -verify client counts only the
  /// diagnostics it did not expect, and the exit status follows them.
  void syncCounts() {
    NumErrors = Inner->getNumErrors();
    NumWarnings = Inner->getNumWarnings();
  }

  /// A note at \p Loc's expansion, in Clang's `file:line:col: note:` form.
  void note(const SourceManager &SM, SourceLocation Loc, StringRef Text) {
    PresumedLoc P = SM.getPresumedLoc(SM.getExpansionLoc(Loc));
    if (P.isValid())
      llvm::errs() << P.getFilename() << ":" << P.getLine() << ":"
                   << P.getColumn() << ": ";
    llvm::errs() << "note: " << Text << "\n";
  }

  DiagnosticConsumer *Inner;
  std::unique_ptr<DiagnosticConsumer> Owned;
  /// The input's: the inner client began the source file before the
  /// wrapper existed.
  const LangOptions *LangOpts;
};

} // namespace

void addClangHints(DiagnosticsEngine &Engine, const LangOptions &LangOpts) {
  DiagnosticConsumer *Inner = Engine.getClient();
  if (!Inner)
    return;
  std::unique_ptr<DiagnosticConsumer> Owned =
      Engine.ownsClient() ? Engine.takeClient() : nullptr;
  Engine.setClient(new HintingClient(Inner, std::move(Owned), LangOpts),
                   /*ShouldOwnClient=*/true);
}

} // namespace cosm
