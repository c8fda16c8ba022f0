//===- support/Diagnostics.cpp - cosm-lower's diagnostics -----------------===//

#include "support/Diagnostics.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"

using namespace clang;

namespace cosm {

static std::pair<DiagnosticsEngine::Level, const char *> describe(Diag Kind) {
  switch (Kind) {
  case Diag::AwaitOutsideAsync:
    return {DiagnosticsEngine::Error,
            "'cosm::await' used in a function that is not marked COSM_ASYNC"};
  case Diag::AddAsyncNote:
    return {DiagnosticsEngine::Note,
            "mark the function COSM_ASYNC to make it a coroutine"};
  case Diag::AsyncNotCoro:
    return {DiagnosticsEngine::Error,
            "COSM_ASYNC function must return 'cosm::Coro<T>', not %0"};
  case Diag::VariableLengthArray:
    return {DiagnosticsEngine::Error,
            "variable-length array in a COSM_ASYNC function: a frame's size "
            "must be a compile-time constant"};
  case Diag::Unsupported:
    return {DiagnosticsEngine::Error, "cosm-lower cannot lower %0 yet"};
  case Diag::InMacro:
    return {DiagnosticsEngine::Error,
            "cosm-lower must rewrite %0 here, but it comes from %1; write "
            "it outside the macro"};
  case Diag::MissingReturn:
    // The wording of Clang's -Wreturn-type; %1: 1 when some paths return.
    return {DiagnosticsEngine::Error,
            "non-void COSM_ASYNC function %0 does not return a value"
            "%select{| in all control paths}1"};
  case Diag::LoweredDoesNotCompile:
    return {DiagnosticsEngine::Error,
            "cosm-lower produced code that does not compile here; please "
            "report it"};
  case Diag::CompilerSays:
    return {DiagnosticsEngine::Note, "%0"};
  }
  llvm_unreachable("unknown diagnostic");
}

/// "the expansion of macro 'M'" for the outermost macro \p Loc comes from.
static std::string macroNamed(DiagnosticsEngine &Engine, SourceLocation Loc) {
  StringRef Name;
  if (Engine.hasSourceManager()) {
    const SourceManager &SM = Engine.getSourceManager();
    for (; Loc.isMacroID(); Loc = SM.getImmediateMacroCallerLoc(Loc))
      if (StringRef Here = Lexer::getImmediateMacroName(Loc, SM, LangOptions());
          !Here.empty())
        Name = Here;
  }
  return Name.empty() ? "a macro expansion"
                      : "the expansion of macro '" + Name.str() + "'";
}

DiagnosticBuilder report(DiagnosticsEngine &Engine, SourceLocation Loc,
                         Diag Kind, llvm::StringRef Arg) {
  auto [Level, Format] = describe(Kind);
  DiagnosticBuilder Builder =
      Engine.Report(Loc, Engine.getDiagnosticIDs()->getCustomDiagID(
                             (DiagnosticIDs::Level)Level, Format));
  if (!Arg.empty())
    Builder << Arg;
  if (Kind == Diag::InMacro)
    Builder << macroNamed(Engine, Loc);
  return Builder;
}

} // namespace cosm
