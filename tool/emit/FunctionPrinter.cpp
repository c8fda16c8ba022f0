//===- emit/FunctionPrinter.cpp - The function that creates the frame -----===//
//
// The async function keeps its signature as written; its body only creates
// the frame. printFrame() puts the pieces together.
//
//===----------------------------------------------------------------------===//

#include "emit/Output.h"
#include "emit/Printer.h"
#include "support/Diagnostics.h"
#include "clang/AST/Attr.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"

using namespace clang;

namespace cosm {
namespace emit {

/// How a lambda passes \p V, under its source name, to its frame: captures
/// are copied (the closure may be called again), `auto` parameters
/// forwarded.
static std::string fromLambda(const FrameVar &V) {
  std::string Name = V.Decl->getName().str();
  if (V.Capture)
    return Name + (V.PackMember.empty() ? "" : "...");
  if (V.Generic)
    return "std::forward<decltype(" + Name + ")>(" + Name + ")";
  return passed(V.Decl, Name);
}

/// True if \p S names \p F.
static bool refersTo(const Stmt *S, const FunctionDecl *F) {
  if (!S)
    return false;
  if (const auto *Ref = dyn_cast<DeclRefExpr>(S))
    if (Ref->getDecl()->getCanonicalDecl() == F->getCanonicalDecl())
      return true;
  if (const auto *Lookup = dyn_cast<UnresolvedLookupExpr>(S))
    for (const NamedDecl *D : Lookup->decls())
      if (const FunctionDecl *G = D->getAsFunction();
          G && G->getCanonicalDecl() == F->getCanonicalDecl())
        return true;
  for (const Stmt *Child : S->children())
    if (refersTo(Child, F))
      return true;
  return false;
}

/// True if \p F's body names \p F and nothing declared it before.
static bool needsDeclaration(const FunctionDecl *F) {
  return !F->getPreviousDecl() && !isa<CXXMethodDecl>(F) &&
         refersTo(F->getBody(), F);
}

/// A COSM_ASYNC lambda keeps its introducer and parameters; its body only
/// creates the frame.
std::string Printer::lambdaBody() {
  const FunctionDecl *F = Plan.function();
  for (const auto *A : F->specific_attrs<AnnotateAttr>())
    if (A->getAnnotation() == "cosm.async" && !A->isInherited())
      if (auto Where = annotationSpan(A, Text))
        Text.replace(*Where, "");
  std::string Args;
  if (!Plan.SelfType.empty())
    Args = (Plan.SelfCopy ? "*" : "") + Plan.LambdaSelf;
  bool Captures = false, ByReference = false;
  for (const FrameVar &P : Plan.Params) {
    Args += (Args.empty() ? "" : ", ") + fromLambda(P);
    Captures |= P.Capture != nullptr;
    ByReference |= P.Capture && P.Store == Storage::Ref;
  }
  std::string Comment = "// Calling the lambda creates its frame and runs "
                        "nothing.";
  if (Captures)
    Comment += ByReference ? " The frame holds copies of the captures by "
                             "value (safe after the closure is gone) and "
                             "references for the captures by reference."
                           : " The frame holds copies of the captures (safe "
                             "after the closure is gone).";
  // A result type that names a parameter, a capture or the object is
  // left to the frame, whose base class spells it.
  if (Plan.CallResultType != Plan.ResultType)
    return "{\n" + Comment + "\nreturn cosm::detail::make_coro<" +
           Plan.FrameName + Plan.TemplateArgs + ">(" + Args + ");\n}";
  return "{\n" + Comment + "\nreturn cosm::Coro<" + Plan.CallResultType + ">" +
         (Plan.Dependent ? "::template make<" : "::make<") + Plan.FrameName +
         Plan.TemplateArgs + ">(" + Args + ");\n}";
}

std::optional<std::string> Printer::function(const std::string &Inside) {
  const FunctionDecl *F = Plan.function();
  if (Plan.Lambda)
    return lambdaBody();
  const auto *Body = cast<CompoundStmt>(F->getBody());
  // The signature as written, without COSM_ASYNC.
  for (const auto *A : F->specific_attrs<AnnotateAttr>())
    if (A->getAnnotation() == "cosm.async" && !A->isInherited())
      if (auto Where = annotationSpan(A, Text))
        Text.replace(*Where, "");
  auto Head =
      Text.span(SourceRange(F->getOuterLocStart(), Body->getLBracLoc()));
  if (auto Start = attributesStart(F, Text); Head && Start)
    Head->Begin = std::min(Head->Begin, *Start);
  if (!Head) {
    report(Diags, F->getLocation(), Diag::InMacro, "this function's signature");
    return std::nullopt;
  }
  std::string Signature = Text.render(*Head);
  Signature.pop_back(); // the body's '{'
  if (needsDeclaration(F)) {
    // The frame calls the function it belongs to (recursion): declare the
    // function first. The default arguments move to that declaration.
    Declaration = Signature + ";\n\n";
    for (const ParmVarDecl *P : F->parameters())
      if (P->hasDefaultArg() && !P->hasInheritedDefaultArg())
        if (auto Default = Text.span(P->getDefaultArgRange())) {
          StringRef Before = Text.original({Head->Begin, Default->Begin});
          size_t Equals = Before.rfind('=');
          if (Equals != StringRef::npos)
            Text.replace({Head->Begin +
                              unsigned(Before.substr(0, Equals).rtrim().size()),
                          Default->End},
                         "");
        }
    Signature = Text.render(*Head);
    Signature.pop_back();
  }
  std::string Args;
  auto Arg = [&](const std::string &Text) {
    Args += (Args.empty() ? "" : ", ") + Text;
  };
  if (!Plan.SelfType.empty())
    Arg("this");
  for (const FrameVar &P : Plan.Params)
    Arg(passed(P.Decl, P.Decl->getName().str()) +
        (P.PackMember.empty() ? "" : "..."));
  auto Written = Text.span(F->getReturnTypeSourceRange());
  std::string Coro = Written ? Text.original(*Written).str()
                             : "cosm::Coro<" + Plan.CallResultType + ">";
  // Awaits of an internal function may all build its frame in place
  // (embedded), leaving the function itself unused.
  if (!F->isExternallyVisible() && !isa<CXXMethodDecl>(F))
    Signature = "[[maybe_unused]] " + Signature;
  // An out-of-line member's signature starts with all its headers.
  std::string Header = Plan.TemplateHeader.empty() || !Plan.OuterHeaders.empty()
                           ? ""
                           : Plan.TemplateHeader + "\n";
  if (!Declaration.empty())
    Declaration = Header + Declaration;
  std::string Creates =
      "// Calling " + Plan.DisplayName +
      "() creates its frame and runs nothing.\nreturn " + Coro +
      (Plan.Dependent ? "::template make<" : "::make<") + Plan.FrameName +
      Plan.TemplateArgs + ">(" + Args + ");\n}\n";
  if (!Lines)
    return Header + Signature + "{\n" + Inside + Creates;
  // The signature as written; the glue inside maps to the function's line.
  return mapped(Header, Model.FunctionLine) +
         Lines->directive(Lines->line(F->getOuterLocStart())) + Signature +
         "{\n" + Inside + mapped(Creates, Model.FunctionLine);
}

std::optional<PrintedFunction> Printer::run() {
  for (const Op &O : Model.Body)
    op(O);
  std::string Resume =
      mapped(dispatch(Model.TopCases, /*Reset=*/false), Model.FunctionLine) +
      Out;
  PrintedFunction Result;
  if (Plan.LocalFrame && !Plan.Lambda) {
    // The frame is a local class of the member: it goes in its body (a
    // lambda's goes where Output puts the lambda frames of its member).
    std::string Frame = frameStruct(Resume);
    std::optional<std::string> Function = function(Frame + "\n");
    if (!Function)
      return std::nullopt;
    Result.Function = mapped(Declaration, Model.FunctionLine) + *Function;
    Result.BodyStart = Result.Function.find("{\n" + Frame);
    if (Result.BodyStart != std::string::npos)
      Result.BodyStart += 2;
    return Result;
  }
  std::optional<std::string> Function = function("");
  if (!Function)
    return std::nullopt;
  Result.Function = std::move(*Function);
  Result.Frame = mapped(Declaration, Model.FunctionLine) + frameStruct(Resume);
  return Result;
}

} // namespace emit

std::optional<PrintedFunction> printFrame(const FrameModel &Model,
                                          EditedText &Text,
                                          DiagnosticsEngine &Diags,
                                          const LineDirectives *Lines) {
  return emit::Printer(Model, Text, Diags, Lines).run();
}

} // namespace cosm
