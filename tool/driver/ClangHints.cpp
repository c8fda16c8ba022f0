//===- driver/ClangHints.cpp - cosm's notes on Clang's errors -------------===//
///
/// \file
/// A client that forwards every diagnostic to the one Clang set up (so the
/// text, colours and counts stay Clang's) and prints a note after the
/// errors whose cause is cosm's: COSM_ASYNC written after a lambda's
/// parameter list or after a specifier (`static COSM_ASYNC`), where C++
/// reads an attribute as a type's, which `annotate` cannot be; and
/// `return <void expression>;` in a function that returns cosm::Coro<void>.
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

/// Where COSM_ASYNC goes, for one written where C++ reads an attribute as
/// a type's: after a specifier (`static COSM_ASYNC ...`) or after a
/// lambda's parameter list.
std::string misplacedMark(const SourceManager &SM, SourceLocation Loc) {
  Loc = SM.getExpansionRange(Loc).getBegin();
  bool BadBuffer = false;
  StringRef Buffer = SM.getBufferData(SM.getFileID(Loc), &BadBuffer);
  if (BadBuffer)
    return "";
  StringRef Before = Buffer.take_front(SM.getFileOffset(Loc)).rtrim(" \t\r\n");
  // The identifier that ends the text before the mark.
  size_t Start = Before.find_last_not_of(
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_");
  StringRef Word = Start == StringRef::npos ? Before : Before.substr(Start + 1);
  if (Word == "static" || Word == "inline" || Word == "friend" ||
      Word == "virtual" || Word == "constexpr" || Word == "extern" ||
      Word == "explicit")
    return ("COSM_ASYNC comes before '" + Word + "': 'COSM_ASYNC " + Word +
            " cosm::Coro<T> f(...)'")
        .str();
  return "COSM_ASYNC marks a lambda before its parameter list: "
         "'[] COSM_ASYNC () -> cosm::Coro<T> { ... }'";
}

/// `return cosm::await(v());` with v a cosm::Coro<void>: C++ allows a void
/// expression in a void function's return only, and the analysis parse
/// sees the function return cosm::Coro<void>.
bool returnsVoidExpression(const Diagnostic &Info) {
  llvm::SmallString<160> Message;
  Info.FormatDiagnostic(Message);
  return StringRef(Message).starts_with(
      "no viable conversion from returned value of type 'void' to function "
      "return type 'cosm::Coro<void>'");
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
           misplacedMark(Info.getSourceManager(), Info.getLocation()));
    else if (Level == DiagnosticsEngine::Error && Info.hasSourceManager() &&
             returnsVoidExpression(Info))
      note(Info.getSourceManager(), Info.getLocation(),
           "a COSM_ASYNC function returning cosm::Coro<void> returns no "
           "value, not even a void one: write 'cosm::await(...); return;'");
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
