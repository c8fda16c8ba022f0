//===- emit/Output.cpp - The lowered translation unit ---------------------===//

#include "emit/Output.h"
#include "analyse/FunctionPlan.h"
#include "emit/FrameEmitter.h"
#include "find/AsyncFinder.h"
#include "support/Diagnostics.h"
#include "clang/AST/Attr.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/Tooling/Core/Replacement.h"
#include "llvm/ADT/StringMap.h"

using namespace clang;

namespace cosm {

/// `f_frame`, or `f_frame_2` for the second async `f` in the same scope.
static std::string frameName(const FunctionDecl *F,
                             llvm::StringMap<unsigned> &Seen) {
  std::string Base = F->getIdentifier() ? F->getName().str() : "operator";
  Base += "_frame";
  const DeclContext *Scope = F->getDeclContext()->getRedeclContext();
  std::string Key = std::to_string(reinterpret_cast<uintptr_t>(Scope)) + Base;
  unsigned N = ++Seen[Key];
  return N == 1 ? Base : Base + "_" + std::to_string(N);
}

/// The text of COSM_ASYNC (or of the attribute, if written out).
std::optional<Span> annotationSpan(const AnnotateAttr *A, const EditedText &Text) {
  const SourceManager &SM = Text.sourceManager();
  return Text.span(SM.getExpansionRange(A->getRange()).getAsRange());
}

std::optional<unsigned> declarationStart(const FunctionDecl *F,
                                         const EditedText &Text) {
  auto Begin = Text.offset(F->getOuterLocStart());
  if (const FunctionTemplateDecl *Template = F->getDescribedFunctionTemplate())
    Begin = Text.offset(Template->getBeginLoc());
  if (!Begin)
    return std::nullopt;
  // COSM_ASYNC written on this declaration (not inherited from another).
  for (const auto *A : F->specific_attrs<AnnotateAttr>())
    if (!A->isInherited())
      if (auto Where = annotationSpan(A, Text))
        Begin = std::min(*Begin, Where->Begin);
  return Begin;
}

/// The definition's extent, COSM_ASYNC included.
static std::optional<Span> definitionSpan(const FunctionDecl *F,
                                          const EditedText &Text) {
  auto Begin = Text.offset(F->getOuterLocStart());
  auto End = Text.offset(F->getBody()->getEndLoc());
  if (!Begin || !End)
    return std::nullopt;
  Begin = declarationStart(F, Text);
  if (!Begin)
    return std::nullopt;
  return Span{*Begin, *End + 1};
}

std::optional<std::string> lowerMainFile(ASTContext &Context,
                                         const format::FormatStyle &Style) {
  const SourceManager &SM = Context.getSourceManager();
  DiagnosticsEngine &Diags = Context.getDiagnostics();
  std::vector<const FunctionDecl *> Functions = findAsyncFunctions(Context);
  EditedText Text(SM, Context.getLangOpts());
  StringRef FileName =
      SM.getFileEntryRefForID(SM.getMainFileID())->getName();
  tooling::Replacements Changes;
  llvm::StringMap<unsigned> Seen;
  bool Failed = Diags.hasErrorOccurred();

  for (const FunctionDecl *F : Functions) {
    auto Plan = FunctionPlan::build(F, Context, Text);
    if (!Plan) {
      Failed = true;
      continue;
    }
    Plan->FrameName = frameName(F, Seen);
    std::optional<tooling::Replacement> ClassDeclaration;
    if (const auto *M = dyn_cast<CXXMethodDecl>(F); M && M->isOutOfLine()) {
      // The frame is a nested class, so it shares the member's access to
      // the class: declare it inside, define it here.
      const CXXMethodDecl *InClass = M->getCanonicalDecl();
      auto At = declarationStart(InClass, Text);
      if (!At || InClass == M) {
        report(Diags, F->getLocation(), Diag::Unsupported,
               "an out-of-line COSM_ASYNC member whose class is defined in "
               "another file");
        Failed = true;
        continue;
      }
      Plan->FrameQualifier = Plan->typeText(Context.getRecordType(M->getParent())) + "::";
      ClassDeclaration = tooling::Replacement(
          FileName, *At, 0, "struct " + Plan->FrameName + ";\n");
    }
    auto Lowered = emitFrame(*Plan, Context, Text);
    auto Where = definitionSpan(F, Text);
    if (!Lowered || !Where) {
      if (!Where)
        report(Diags, F->getLocation(), Diag::InMacro, "this definition");
      Failed = true;
      continue;
    }
    auto Add = [&](const tooling::Replacement &R) {
      if (auto Error = Changes.add(R)) {
        llvm::consumeError(std::move(Error));
        report(Diags, F->getLocation(), Diag::Unsupported,
               "two COSM_ASYNC definitions that overlap");
        Failed = true;
      }
    };
    if (ClassDeclaration)
      Add(*ClassDeclaration);
    Add(tooling::Replacement(FileName, Where->Begin, Where->End - Where->Begin,
                             Lowered->Frame + "\n" + Lowered->Function));
  }
  if (Failed || Diags.hasErrorOccurred())
    return std::nullopt;

  StringRef Code = SM.getBufferData(SM.getMainFileID());
  auto Lowered = tooling::applyAllReplacements(Code, Changes);
  if (!Lowered) {
    llvm::consumeError(Lowered.takeError());
    return std::nullopt;
  }
  // Only the generated code is formatted; the rest stays byte-identical.
  std::vector<tooling::Range> Ranges = Changes.getAffectedRanges();
  tooling::Replacements Formatting =
      format::reformat(Style, *Lowered, Ranges, FileName);
  auto Formatted = tooling::applyAllReplacements(*Lowered, Formatting);
  if (!Formatted) {
    llvm::consumeError(Formatted.takeError());
    return *Lowered;
  }
  return *Formatted;
}

} // namespace cosm
