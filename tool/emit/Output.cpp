//===- emit/Output.cpp - The lowered translation unit ---------------------===//

#include "emit/Output.h"
#include "analyse/FunctionPlan.h"
#include "emit/FramePrinter.h"
#include "find/AsyncFinder.h"
#include "lower/Lowering.h"
#include "report/ModelDump.h"
#include "support/Diagnostics.h"
#include "support/LLVMCompat.h"
#include "support/LineDirectives.h"
#include "clang/AST/Attr.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Tooling/Core/Replacement.h"
#include "llvm/ADT/StringMap.h"
#include <map>
#include <set>
#include <tuple>

using namespace clang;

namespace cosm {

/// `f_frame`, or `f_frame_2` for the second async `f` in the same scope
/// (an anonymous or inline namespace's is its parent's) or when the translation
/// unit already uses the name (a user's `f_frame`, a variable that would hide
/// the type): every identifier Clang has read is in its identifier table.
static std::string frameName(StringRef Stem, const DeclContext *Scope,
                             ASTContext &Context,
                             llvm::StringMap<unsigned> &Seen) {
  std::string Base = Stem.str() + "_frame";
  // A name in an anonymous or inline namespace is also one of the namespace
  // around it; a namespace may be opened again.
  Scope = Scope->getRedeclContext();
  while (const auto *NS = dyn_cast<NamespaceDecl>(Scope))
    if (NS->isAnonymousNamespace() || NS->isInline())
      Scope = NS->getParent()->getRedeclContext();
    else
      break;
  Scope = Scope->getPrimaryContext();
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

static std::string frameName(const FunctionDecl *F, ASTContext &Context,
                             llvm::StringMap<unsigned> &Seen) {
  return frameName(F->getIdentifier() ? F->getName() : "operator",
                   F->getDeclContext(), Context, Seen);
}

/// A frame named \p FrameName in \p DC as Clang prints the generated
/// struct's qualified name: `ns::f_frame`, `S::g_frame` for a member.
static std::string qualifiedFrame(const DeclContext *DC,
                                  const std::string &FrameName) {
  DC = DC->getRedeclContext();
  if (const auto *Scope = dyn_cast<NamedDecl>(DC))
    return Scope->getQualifiedNameAsString() + "::" + FrameName;
  return FrameName;
}

/// The function an await's operand calls directly, if any.
static const FunctionDecl *calledCoroutine(const CallExpr *Await) {
  const auto *Call = dyn_cast<CallExpr>(Await->getArg(0)->IgnoreImplicit());
  return Call ? Call->getDirectCallee() : nullptr;
}

/// \p Code formatted as a whole (a frame and its function, at namespace
/// scope). Formatting the whole file once with a range per function would
/// test every line against every range: quadratic in the functions.
static std::string formatAlone(const std::string &Code,
                               const format::FormatStyle &Style,
                               StringRef FileName) {
  tooling::Replacements Formatting =
      format::reformat(Style, Code, {tooling::Range(0, Code.size())}, FileName);
  auto Formatted = tooling::applyAllReplacements(Code, Formatting);
  if (!Formatted) {
    llvm::consumeError(Formatted.takeError());
    return Code;
  }
  // It replaces text that ends with the body's '}'.
  return StringRef(*Formatted).rtrim().str();
}

/// The text of COSM_ASYNC (or of the attribute, if written out).
std::optional<Span> annotationSpan(const AnnotateAttr *A,
                                   const EditedText &Text) {
  const SourceManager &SM = Text.sourceManager();
  auto Where = Text.span(SM.getExpansionRange(A->getRange()).getAsRange());
  if (!Where)
    return Where;
  // Written out (a macro's expansion, spelled in the file), the attribute's
  // range is its name and arguments: the brackets around go with it.
  StringRef Buffer = SM.getBufferData(SM.getMainFileID());
  StringRef Before = Buffer.take_front(Where->Begin).rtrim();
  StringRef After = Buffer.drop_front(Where->End).ltrim();
  if (Before.ends_with("[[") && After.starts_with("]]"))
    return Span{unsigned(Before.size() - 2),
                unsigned(Buffer.size() - After.size() + 2)};
  return Where;
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
  // A member template of a class template starts with the class's header,
  // before the member's own.
  if (const FunctionTemplateDecl *Template = F->getDescribedFunctionTemplate())
    if (auto Header = Text.offset(Template->getBeginLoc()))
      Begin = Begin ? std::min(*Begin, *Header) : *Header;
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

namespace {

/// Lowers the async functions of one main file into replacements of their
/// definitions.
class FileLowering {
public:
  FileLowering(ASTContext &Context, const format::FormatStyle &Style,
               const LowerOptions &Options)
      : Context(Context), SM(Context.getSourceManager()),
        Diags(Context.getDiagnostics()), Style(Style), Options(Options),
        Text(SM, Context.getLangOpts()),
        FileName(SM.getFileEntryRefForID(SM.getMainFileID())->getName()),
        Source(SM.getBufferData(SM.getMainFileID())), Lines(SM, FileName),
        Mapping(Options.LineDirectives ? &Lines : nullptr) {}

  std::optional<LoweredFile> run();

private:
  bool lower(const FunctionDecl *F);
  bool lowerLambda(const AsyncLambda &A);
  bool placeLambdaFrames(const AsyncDefinitions &Found);
  bool placeClassDeclarations();
  void recordFrame(const FunctionPlan &Plan, const FrameModel &Model,
                   std::string Name, SourceLocation Where);
  FileContext contextFor(const FunctionDecl *F, std::optional<Span> Where);
  bool declareInClass(const FunctionDecl *F, const FunctionPlan &Plan);
  void replaceDefinition(const FunctionDecl *F, Span Where,
                         const PrintedFunction &Code);
  bool add(const Decl *F, const tooling::Replacement &R);
  void formatInContext(LoweredFile &Result);

  ASTContext &Context;
  const SourceManager &SM;
  DiagnosticsEngine &Diags;
  const format::FormatStyle &Style;
  const LowerOptions &Options;
  EditedText Text;
  StringRef FileName;
  StringRef Source;
  LineDirectives Lines;
  const LineDirectives *Mapping;
  tooling::Replacements Changes;
  llvm::StringMap<unsigned> Seen;
  /// Frames already lowered above the function being lowered, and where
  /// each definition ends.
  std::map<const FunctionDecl *, std::string> EarlierFrames;
  std::vector<std::tuple<unsigned, const FunctionDecl *, std::string>> Pending;
  /// The frames declared in their classes, by where the declarations go
  /// (with a definition to blame if they cannot).
  std::map<unsigned, std::pair<const Decl *, std::string>> ClassDeclarations;
  /// The frames of COSM_ASYNC lambdas, by the declaration they go before.
  std::map<const Decl *, std::string> LambdaFrames;
  /// Async functions lowered: their code carries their lambdas' frames.
  std::set<const Decl *> Lowered;
  /// The generated code that is formatted in the context of the whole file.
  std::set<std::pair<unsigned, unsigned>> InContext; // offset, length
  LoweredFile Result;
};

/// The file around \p F: its frame's name, and the frames defined above it,
/// complete there.
FileContext FileLowering::contextFor(const FunctionDecl *F,
                                     std::optional<Span> Where) {
  for (auto It = Pending.begin(); It != Pending.end();) {
    if (Where && std::get<0>(*It) <= Where->Begin) {
      EarlierFrames[std::get<1>(*It)] = std::get<2>(*It);
      It = Pending.erase(It);
    } else {
      ++It;
    }
  }
  FileContext File;
  File.FrameName = frameName(F, Context, Seen);
  File.EarlierFrames = &EarlierFrames;
  if (!Options.Allocate.empty()) {
    auto Found = Options.Allocate.find(
        qualifiedFrame(F->getDeclContext(), File.FrameName));
    if (Found != Options.Allocate.end())
      File.Allocated = &Found->second;
  }
  return File;
}

bool FileLowering::add(const Decl *F, const tooling::Replacement &R) {
  if (auto Error = Changes.add(R)) {
    llvm::consumeError(std::move(Error));
    SourceLocation Loc = F ? F->getLocation()
                           : SM.getLocForStartOfFile(SM.getMainFileID())
                                 .getLocWithOffset(R.getOffset());
    report(Diags, Loc, Diag::Unsupported,
           "two COSM_ASYNC definitions that overlap");
    return false;
  }
  return true;
}

/// The frame of an out-of-line member is a nested class, so it shares the
/// member's access to the class: declared inside, defined with the member.
bool FileLowering::declareInClass(const FunctionDecl *F,
                                  const FunctionPlan &Plan) {
  // A COSM_ASYNC lambda's frame in such a member is a member class too.
  const auto *M =
      Plan.Lambda ? Plan.OutOfLineMember : dyn_cast<CXXMethodDecl>(F);
  if (!M || !M->isOutOfLine() || Plan.LocalFrame)
    return true;
  const CXXMethodDecl *InClass = M->getCanonicalDecl();
  auto At = declarationStart(InClass, Text);
  if (!At || InClass == M) {
    report(Diags, F->getLocation(), Diag::Unsupported,
           "an out-of-line COSM_ASYNC member whose class is defined in "
           "another file");
    return false;
  }
  // Placed once every frame is known: a member and its lambdas declare
  // theirs at one offset.
  ClassDeclarations[*At].first = F;
  ClassDeclarations[*At].second +=
      (Plan.TemplateHeader.empty() ? "" : Plan.TemplateHeader + " ") +
      "struct " + Plan.FrameName + ";\n";
  return true;
}

bool FileLowering::placeClassDeclarations() {
  bool Placed = true;
  for (const auto &[At, Declarations] : ClassDeclarations) {
    // The rest of the class's line, now on a line of its own, keeps its
    // number.
    tooling::Replacement Declaration(
        FileName, At, 0,
        Declarations.second +
            (Mapping ? Lines.directive(Lines.lineOfOffset(At)) : ""));
    InContext.insert({Declaration.getOffset(), 0});
    Placed &= add(Declarations.first, Declaration);
  }
  return Placed;
}

void FileLowering::replaceDefinition(const FunctionDecl *F, Span Where,
                                     const PrintedFunction &Printed) {
  std::string After;
  if (Mapping) {
    // What follows the definition keeps its numbers. The directive goes
    // right before the next line with code, over the blank lines between,
    // so that formatting cannot change how many lines come after it.
    size_t Next = Source.find_first_not_of(" \t\r\n\f\v", Where.End);
    if (Next == StringRef::npos)
      Next = Source.size();
    size_t LineStart = Source.substr(0, Next).rfind('\n');
    if (LineStart != StringRef::npos && LineStart >= Where.End)
      Where.End = LineStart + 1;
    After = Lines.directive(Lines.lineOfOffset(Where.End));
  }
  std::string Code = Printed.Frame.empty()
                         ? Printed.Function
                         : Printed.Frame + "\n" + Printed.Function;
  if (auto Frames = LambdaFrames.find(F); Frames != LambdaFrames.end()) {
    if (Printed.BodyStart != std::string::npos)
      Code.insert(Code.size() - Printed.Function.size() + Printed.BodyStart,
                  Frames->second);
    else
      Code = Frames->second + Code;
  }
  // A definition that starts a line is formatted on its own, which costs
  // time in proportion to its size; others need their context (a class's
  // indentation) and are formatted in the whole file at the end.
  unsigned Length = Where.End - Where.Begin;
  if (Where.Begin == 0 || Source[Where.Begin - 1] == '\n') {
    add(F, tooling::Replacement(FileName, Where.Begin, Length,
                                formatAlone(Code, Style, FileName) +
                                    (After.empty() ? "" : "\n" + After)));
    return;
  }
  InContext.insert({Where.Begin, Length});
  add(F, tooling::Replacement(FileName, Where.Begin, Length, Code + After));
}

/// Plans, lowers and prints \p F; false after reporting an error.
bool FileLowering::lower(const FunctionDecl *F) {
  auto Where = definitionSpan(F, Text);
  auto Plan = FunctionPlan::build(F, Context, Text, contextFor(F, Where));
  if (!Plan || !declareInClass(F, *Plan))
    return false;
  auto Model = lowerFunction(*Plan, Context, Text, Lines);
  if (!Model)
    return false;
  auto Printed = printFrame(*Model, Text, Diags, Mapping);
  if (!Printed || !Where) {
    if (!Where)
      report(Diags, F->getLocation(), Diag::InMacro, "this definition");
    return false;
  }
  replaceDefinition(F, *Where, *Printed);
  Lowered.insert(F);
  if (std::string Name = embeddableName(F, *Plan); !Name.empty())
    Pending.emplace_back(Where->End, F->getCanonicalDecl(), Name);
  recordFrame(*Plan, *Model,
              qualifiedFrame(F->getDeclContext(), Plan->FrameName),
              F->getLocation());
  return true;
}

/// Lowers a COSM_ASYNC lambda: its frame goes before the declaration that
/// holds the lambda, and its body becomes a call that creates the frame.
/// Whatever encloses the lambda later reads the new body.
bool FileLowering::lowerLambda(const AsyncLambda &A) {
  const CXXMethodDecl *Call = A.Lambda->getCallOperator();
  auto Body = Text.span(A.Lambda->getBody()->getSourceRange());
  if (!Body) {
    report(Diags, A.Lambda->getBeginLoc(), Diag::InMacro, "this lambda");
    return false;
  }
  // Named after the function (or variable) that holds it: `main_lambda`.
  const auto *Holder = dyn_cast<NamedDecl>(A.Anchor);
  std::string Stem = Holder && Holder->getIdentifier()
                         ? Holder->getName().str() + "_lambda"
                         : "lambda";
  const DeclContext *Scope = A.Anchor->getDeclContext();
  FileContext File;
  File.FrameName = frameName(Stem, Scope, Context, Seen);
  File.EarlierFrames = &EarlierFrames;
  File.Lambda = A.Lambda;
  File.LambdaName = Holder && Holder->getIdentifier()
                        ? Holder->getQualifiedNameAsString() + "::lambda"
                        : "lambda";
  File.LocalLambda = isHeaderClassMember(A.Anchor, SM);
  auto Plan = FunctionPlan::build(Call, Context, Text, File);
  if (!Plan || !declareInClass(Call, *Plan))
    return false;
  auto Model = lowerFunction(*Plan, Context, Text, Lines);
  if (!Model)
    return false;
  auto Printed = printFrame(*Model, Text, Diags, Mapping);
  if (!Printed)
    return false;
  std::string NewBody = Printed->Function;
  if (Mapping) {
    // The lines after the body keep their numbers.
    size_t Was = Text.original(*Body).count('\n');
    size_t Now = StringRef(NewBody).count('\n');
    if (Was > Now)
      NewBody.insert(NewBody.size() - 1, std::string(Was - Now, '\n'));
  }
  Text.replace(*Body, NewBody);
  LambdaFrames[A.Anchor] += Printed->Frame + "\n";
  recordFrame(*Plan, *Model, qualifiedFrame(Scope, File.FrameName),
              A.Lambda->getBeginLoc());
  return true;
}

/// The frames of lambdas held by declarations that are not lowered
/// themselves go right before them; the lambdas' new bodies replace the
/// old ones.
bool FileLowering::placeLambdaFrames(const AsyncDefinitions &Found) {
  bool Placed = true;
  for (const auto &[Anchor, Frames] : LambdaFrames) {
    if (Lowered.count(Anchor))
      continue;
    const auto *F = dyn_cast<FunctionDecl>(Anchor);
    auto At =
        F ? declarationStart(F, Text) : Text.offset(Anchor->getBeginLoc());
    // Local classes of a member of a class from another file: at the top
    // of its body.
    bool Local = F && isHeaderClassMember(F, SM) && F->hasBody();
    if (Local)
      if (auto Brace = Text.offset(F->getBody()->getBeginLoc()))
        At = *Brace + 1;
    if (!At) {
      report(Diags, Anchor->getLocation(), Diag::InMacro, "this declaration");
      Placed = false;
      continue;
    }
    std::string Code = Local ? "\n" + Frames : Frames;
    if (Mapping)
      Code += Lines.directive(Lines.lineOfOffset(*At));
    tooling::Replacement Insert(FileName, *At, 0, Code);
    InContext.insert({Insert.getOffset(), 0});
    Placed &= add(nullptr, Insert);
  }
  for (const AsyncLambda &A : Found.Lambdas) {
    if (Lowered.count(A.Anchor))
      continue;
    auto Where = Text.span(A.Lambda->getSourceRange());
    if (!Where)
      continue; // reported when the lambda was lowered
    // Only the outermost lambdas: their text holds the inner ones'.
    bool Inner = llvm::any_of(Found.Lambdas, [&](const AsyncLambda &Other) {
      auto Outer = Text.span(Other.Lambda->getSourceRange());
      return Other.Lambda != A.Lambda && Outer && Outer->contains(*Where);
    });
    if (Inner)
      continue;
    InContext.insert({Where->Begin, Where->End - Where->Begin});
    Placed &= add(nullptr, tooling::Replacement(FileName, Where->Begin,
                                                Where->End - Where->Begin,
                                                Text.render(*Where)));
  }
  return Placed;
}

/// Records the frame's size entry and, if asked, its state graph and model.
void FileLowering::recordFrame(const FunctionPlan &Plan,
                               const FrameModel &Model, std::string Name,
                               SourceLocation Where) {
  const FunctionDecl *F = Plan.function();
  FrameSize Frame;
  Frame.Function =
      Plan.Lambda ? Plan.DisplayName : F->getQualifiedNameAsString();
  Frame.Name = std::move(Name);
  Frame.Where = Where;
  PresumedLoc At = SM.getPresumedLoc(SM.getExpansionLoc(Where));
  Frame.Line = At.isValid() ? At.getLine() : 0;
  Frame.Column = At.isValid() ? At.getColumn() : 0;
  // The full names, as EarlierFrames has them (SlotFrames may be short).
  for (const Suspension &S : Model.Suspensions)
    if (S.Embedded)
      if (const FunctionDecl *Callee =
              S.Await ? calledCoroutine(S.Await) : nullptr)
        if (auto Found = EarlierFrames.find(Callee->getCanonicalDecl());
            Found != EarlierFrames.end() &&
            llvm::find(Frame.Slot, Found->second) == Frame.Slot.end())
          Frame.Slot.push_back(Found->second);
  Result.Frames.push_back(std::move(Frame));
  if (Options.StateGraphs)
    Result.Graphs.push_back(buildStateGraph(Model, Context));
  if (Options.Models)
    Result.Models.push_back(dumpModel(Model));
}

/// Only the generated code is formatted; the rest stays byte-identical.
void FileLowering::formatInContext(LoweredFile &Result) {
  std::vector<tooling::Range> Ranges;
  long Shift = 0; // how far the replacements so far moved the text
  for (const tooling::Replacement &R : Changes) {
    if (InContext.count({R.getOffset(), R.getLength()}))
      Ranges.emplace_back(R.getOffset() + Shift, R.getReplacementText().size());
    Shift += long(R.getReplacementText().size()) - long(R.getLength());
  }
  if (Ranges.empty())
    return;
  tooling::Replacements Formatting =
      format::reformat(Style, Result.Lowered, Ranges, FileName);
  auto Formatted = tooling::applyAllReplacements(Result.Lowered, Formatting);
  if (!Formatted)
    llvm::consumeError(Formatted.takeError());
  else
    Result.Lowered = std::move(*Formatted);
}

std::optional<LoweredFile> FileLowering::run() {
  bool Failed = Diags.hasErrorOccurred();
  AsyncDefinitions Found = findAsyncDefinitions(Context);
  for (const AsyncLambda &A : Found.Lambdas)
    Failed |= !lowerLambda(A);
  for (const FunctionDecl *F : Found.Functions)
    Failed |= !lower(F);
  if (!Failed)
    Failed |= !placeLambdaFrames(Found) || !placeClassDeclarations();
  if (Failed || Diags.hasErrorOccurred())
    return std::nullopt;
  auto Lowered = tooling::applyAllReplacements(Source, Changes);
  Result.Source = Source.str();
  if (!Lowered) {
    llvm::consumeError(Lowered.takeError());
    return std::nullopt;
  }
  Result.Lowered = std::move(*Lowered);
  formatInContext(Result);
  // The untouched start of the file maps to the user's file too.
  if (Mapping)
    Result.Lowered = tidyLineDirectives(Lines.directive(1) + Result.Lowered);
  return std::move(Result);
}

} // namespace

std::optional<LoweredFile> lowerMainFile(ASTContext &Context,
                                         const format::FormatStyle &Style,
                                         const LowerOptions &Options) {
  return FileLowering(Context, Style, Options).run();
}

} // namespace cosm
