//===- emit/Output.cpp - The lowered translation unit ---------------------===//

#include "emit/Output.h"
#include "analyse/FunctionPlan.h"
#include "emit/FrameEmitter.h"
#include "find/AsyncFinder.h"
#include "support/Diagnostics.h"
#include "support/LLVMCompat.h"
#include "support/LineDirectives.h"
#include "clang/AST/Attr.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/Tooling/Core/Replacement.h"
#include "llvm/ADT/StringMap.h"
#include <map>
#include <set>
#include <tuple>

using namespace clang;

namespace cosm {

/// `f_frame`, or `f_frame_2` for the second async `f` in the same scope or
/// when the translation unit already uses the name (a user's `f_frame`, a
/// variable that would hide the type): every identifier Clang has read is
/// in its identifier table.
static std::string frameName(const FunctionDecl *F, ASTContext &Context,
                             llvm::StringMap<unsigned> &Seen) {
  std::string Base = F->getIdentifier() ? F->getName().str() : "operator";
  Base += "_frame";
  const DeclContext *Scope = F->getDeclContext()->getRedeclContext();
  std::string Key = std::to_string(reinterpret_cast<uintptr_t>(Scope)) + Base;
  while (true) {
    unsigned N = ++Seen[Key];
    std::string Name = N == 1 ? Base : Base + "_" + std::to_string(N);
    if (Context.Idents.find(Name) == Context.Idents.end())
      return Name;
  }
}

/// `::ns::f_frame` if a later frame can hold \p F's frame inline: a free,
/// non-template function of named namespaces whose frame takes exactly the
/// function's arguments; else "".
static std::string embeddableName(const FunctionDecl *F,
                                  const FunctionPlan &Plan) {
  if (isa<CXXMethodDecl>(F) ||
      F->getTemplatedKind() != FunctionDecl::TK_NonTemplate ||
      F->isVariadic() || !Plan.SelfType.empty() ||
      F->getLexicalDeclContext() != F->getDeclContext() ||
      Plan.Params.size() != F->getNumParams())
    return "";
  std::string Name = "::" + Plan.FrameName;
  for (const DeclContext *DC = F->getDeclContext(); !DC->isTranslationUnit();
       DC = DC->getParent()) {
    const auto *NS = dyn_cast<NamespaceDecl>(DC);
    if (!NS || NS->isAnonymousNamespace())
      return "";
    Name = "::" + NS->getName().str() + Name;
  }
  return Name;
}

/// \p Code formatted as a whole (a frame and its function, at namespace
/// scope). Formatting the whole file once with a range per function would
/// test every line against every range: quadratic in the functions.
static std::string formatAlone(const std::string &Code,
                               const format::FormatStyle &Style,
                               StringRef FileName) {
  tooling::Replacements Formatting = format::reformat(
      Style, Code, {tooling::Range(0, Code.size())}, FileName);
  auto Formatted = tooling::applyAllReplacements(Code, Formatting);
  if (!Formatted) {
    llvm::consumeError(Formatted.takeError());
    return Code;
  }
  // It replaces text that ends with the body's '}'.
  return StringRef(*Formatted).rtrim().str();
}

/// The text of COSM_ASYNC (or of the attribute, if written out).
std::optional<Span> annotationSpan(const AnnotateAttr *A, const EditedText &Text) {
  const SourceManager &SM = Text.sourceManager();
  return Text.span(SM.getExpansionRange(A->getRange()).getAsRange());
}

std::optional<unsigned> attributesStart(const FunctionDecl *F,
                                        const EditedText &Text) {
  auto Begin = Text.offset(F->getOuterLocStart());
  if (!Begin)
    return std::nullopt;
  for (const Attr *A : F->attrs()) {
    if (A->isInherited() || isa<AnnotateAttr>(A))
      continue;
    auto At = Text.offset(A->getLocation());
    if (!At || *At >= *Begin)
      continue;
    // A C++11 attribute's location is its name: take the `[[` before it.
    StringRef Before = Text.original({0, *At});
    size_t Open = Before.rfind("[[");
    if (Open != StringRef::npos && !Before.substr(Open).contains("]]"))
      *At = Open;
    Begin = std::min(*Begin, *At);
  }
  return Begin;
}

std::optional<unsigned> declarationStart(const FunctionDecl *F,
                                         const EditedText &Text) {
  auto Begin = attributesStart(F, Text);
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

std::optional<LoweredFile> lowerMainFile(ASTContext &Context,
                                         const format::FormatStyle &Style,
                                         const LowerOptions &Options) {
  const SourceManager &SM = Context.getSourceManager();
  DiagnosticsEngine &Diags = Context.getDiagnostics();
  std::vector<const FunctionDecl *> Functions = findAsyncFunctions(Context);
  EditedText Text(SM, Context.getLangOpts());
  StringRef FileName =
      SM.getFileEntryRefForID(SM.getMainFileID())->getName();
  tooling::Replacements Changes;
  llvm::StringMap<unsigned> Seen;
  bool Failed = Diags.hasErrorOccurred();
  // Frames already emitted above the function being lowered, and where
  // each definition ends.
  std::map<const FunctionDecl *, std::string> EarlierFrames;
  std::vector<std::tuple<unsigned, const FunctionDecl *, std::string>>
      Pending;
  // The generated code that is formatted in the context of the whole file.
  std::set<std::pair<unsigned, unsigned>> InContext; // offset, length
  StringRef Source = SM.getBufferData(SM.getMainFileID());
  LineDirectives Lines(SM, FileName);
  const LineDirectives *Mapping = Options.LineDirectives ? &Lines : nullptr;
  LoweredFile Result;

  for (const FunctionDecl *F : Functions) {
    auto Plan = FunctionPlan::build(F, Context, Text);
    if (!Plan) {
      Failed = true;
      continue;
    }
    Plan->FrameName = frameName(F, Context, Seen);
    auto Where = definitionSpan(F, Text);
    // The frames defined above this definition are complete here.
    for (auto It = Pending.begin(); It != Pending.end();) {
      if (Where && std::get<0>(*It) <= Where->Begin) {
        EarlierFrames[std::get<1>(*It)] = std::get<2>(*It);
        It = Pending.erase(It);
      } else {
        ++It;
      }
    }
    Plan->EarlierFrames = &EarlierFrames;
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
      Plan->FrameQualifier = Plan->typeText(recordType(Context, M->getParent())) + "::";
      // The rest of the class's line, now on a line of its own, keeps its
      // number.
      ClassDeclaration = tooling::Replacement(
          FileName, *At, 0,
          "struct " + Plan->FrameName + ";\n" +
              (Mapping ? Lines.directive(Lines.lineOfOffset(*At)) : ""));
    }
    auto Lowered = emitFrame(*Plan, Context, Text, Mapping);
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
    if (ClassDeclaration) {
      Add(*ClassDeclaration);
      InContext.insert({ClassDeclaration->getOffset(), 0});
    }
    std::string After;
    if (Mapping) {
      // What follows the definition keeps its numbers. The directive goes
      // right before the next line with code, over the blank lines between,
      // so that formatting cannot change how many lines come after it.
      size_t Next = Source.find_first_not_of(" \t\r\n\f\v", Where->End);
      if (Next == StringRef::npos)
        Next = Source.size();
      size_t LineStart = Source.substr(0, Next).rfind('\n');
      if (LineStart != StringRef::npos && LineStart >= Where->End)
        Where->End = LineStart + 1;
      After = Lines.directive(Lines.lineOfOffset(Where->End));
    }
    std::string Code = Lowered->Frame + "\n" + Lowered->Function;
    // A definition that starts a line is formatted on its own, which costs
    // time in proportion to its size; others need their context (a class's
    // indentation) and are formatted in the whole file at the end.
    tooling::Replacement Definition(FileName, Where->Begin,
                                    Where->End - Where->Begin, Code + After);
    if (Where->Begin == 0 || Source[Where->Begin - 1] == '\n')
      Definition = tooling::Replacement(
          FileName, Where->Begin, Where->End - Where->Begin,
          formatAlone(Code, Style, FileName) +
              (After.empty() ? "" : "\n" + After));
    else
      InContext.insert({Where->Begin, Where->End - Where->Begin});
    Add(Definition);
    if (std::string Name = embeddableName(F, *Plan); !Name.empty())
      Pending.emplace_back(Where->End, F->getCanonicalDecl(), Name);
    if (Options.StateGraphs)
      Result.Graphs.push_back(
          buildStateGraph(*Plan, Lowered->Suspensions, Context));
  }
  if (Failed || Diags.hasErrorOccurred())
    return std::nullopt;

  auto Lowered = tooling::applyAllReplacements(Source, Changes);
  Result.Source = Source.str();
  if (!Lowered) {
    llvm::consumeError(Lowered.takeError());
    return std::nullopt;
  }
  // Only the generated code is formatted; the rest stays byte-identical.
  std::vector<tooling::Range> Ranges;
  long Shift = 0; // how far the replacements so far moved the text
  for (const tooling::Replacement &R : Changes) {
    if (InContext.count({R.getOffset(), R.getLength()}))
      Ranges.emplace_back(R.getOffset() + Shift, R.getReplacementText().size());
    Shift += long(R.getReplacementText().size()) - long(R.getLength());
  }
  Result.Lowered = std::move(*Lowered);
  if (!Ranges.empty()) {
    tooling::Replacements Formatting =
        format::reformat(Style, Result.Lowered, Ranges, FileName);
    auto Formatted = tooling::applyAllReplacements(Result.Lowered, Formatting);
    if (!Formatted)
      llvm::consumeError(Formatted.takeError());
    else
      Result.Lowered = std::move(*Formatted);
  }
  // The untouched start of the file maps to the user's file too.
  if (Mapping)
    Result.Lowered = tidyLineDirectives(Lines.directive(1) + Result.Lowered);
  return Result;
}

} // namespace cosm
