//===- driver/SelfCheck.cpp - --verify: does the output compile? ----------===//

#include "driver/SelfCheck.h"
#include "support/Diagnostics.h"
#include "support/LLVMCompat.h"
#include "clang/Basic/FileManager.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Frontend/FrontendActions.h"
#include "clang/Frontend/TextDiagnosticPrinter.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

using namespace clang;
using namespace llvm;

namespace cosm {

namespace {
/// Keeps the first error and where it is; prints nothing.
class FirstError : public DiagnosticConsumer {
public:
  std::optional<CompileError> Error;

  void HandleDiagnostic(DiagnosticsEngine::Level Level,
                        const Diagnostic &Info) override {
    DiagnosticConsumer::HandleDiagnostic(Level, Info);
    if (Level >= DiagnosticsEngine::Error && !Error) {
      Error.emplace();
      SmallString<256> Message;
      Info.FormatDiagnostic(Message);
      Error->Message = Message.str().str();
      Notes = true;
      locate(Info);
    } else if (Level == DiagnosticsEngine::Note && Notes) {
      // An error in a header, from an instantiation the main file asks for.
      if (!Error->InputLine)
        locate(Info);
    } else {
      Notes = false;
    }
  }

private:
  void locate(const Diagnostic &Info) {
    if (!Info.hasSourceManager() || Info.getLocation().isInvalid())
      return;
    const SourceManager &SM = Info.getSourceManager();
    SourceLocation Loc = SM.getExpansionLoc(Info.getLocation());
    if (!SM.isInMainFile(Loc))
      return;
    Error->Line = SM.getSpellingLineNumber(Loc);
    Error->InputLine = SM.getPresumedLoc(Loc).getLine();
  }
  bool Notes = false; ///< the notes that follow belong to the first error
};

/// The first column of \p Line in \p File that is not blank.
unsigned firstColumn(const SourceManager &SM, FileID File, unsigned Line) {
  SourceLocation Start = SM.translateLineCol(File, Line, 1);
  StringRef Rest = SM.getBufferData(File).substr(SM.getFileOffset(Start));
  StringRef Text = Rest.take_until([](char C) { return C == '\n'; });
  size_t Blank = Text.find_first_not_of(" \t");
  return Blank == StringRef::npos ? 1 : Blank + 1;
}
} // namespace

std::optional<CompileError>
compileLowered(const tooling::CompilationDatabase &Database, StringRef Source,
               StringRef Text, tooling::ArgumentsAdjuster Adjust) {
  tooling::ClangTool Tool(Database, {Source.str()});
  Tool.appendArgumentsAdjuster(std::move(Adjust));
  SmallString<256> Absolute(Source);
  sys::fs::make_absolute(Absolute);
  Tool.mapVirtualFile(Absolute, Text);
  FirstError Errors;
  Tool.setDiagnosticConsumer(&Errors);
  Tool.setPrintErrorMessage(false);
  auto Action = tooling::newFrontendActionFactory<SyntaxOnlyAction>();
  if (Tool.run(Action.get()) != 0 && !Errors.Error)
    return CompileError{"the compiler failed without a diagnostic", 0, 0};
  return Errors.Error;
}

void reportLoweredError(StringRef Source, const CompileError &Error) {
  StderrDiagnostics Out;
  DiagnosticsEngine &Diags = Out.Engine;
  TextDiagnosticPrinter &Printer = Out.Printer;
  FileManager Files{FileSystemOptions()};
  SourceManager SM(Diags, Files);
  Diags.setSourceManager(&SM);
  SourceLocation Loc;
  auto Entry = Files.getOptionalFileRef(Source);
  if (Entry && Error.InputLine) {
    FileID File = SM.createFileID(*Entry, SourceLocation(), SrcMgr::C_User);
    Loc = SM.translateLineCol(File, Error.InputLine,
                              firstColumn(SM, File, Error.InputLine));
  }
  LangOptions Language;
  Printer.BeginSourceFile(Language, nullptr);
  if (Loc.isValid())
    report(Diags, Loc, Diag::LoweredDoesNotCompile);
  else
    errs() << "cosm-lower: error: cosm-lower produced code for '" << Source
           << "' that does not compile; please report it\n";
  std::string Where =
      Error.Line ? " (line " + std::to_string(Error.Line) + ")" : "";
  report(Diags, SourceLocation(), Diag::CompilerSays,
         "the compiler's error in the lowered code" + Where + ": " +
             Error.Message);
  Printer.EndSourceFile();
}

} // namespace cosm
