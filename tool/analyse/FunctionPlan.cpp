//===- analyse/FunctionPlan.cpp - What an async function's frame holds ----===//
//
// analyse() runs the planning steps in the order each needs the last: the
// signature, the names the frame must leave alone, the parameters, the
// locals kept across a suspension, the refusals, the body's references to
// frame members, and where the frame is declared.
//
//===----------------------------------------------------------------------===//

#include "analyse/FunctionPlan.h"
#include "analyse/ReturnCheck.h"
#include "find/AsyncFinder.h"
#include "support/Diagnostics.h"
#include "support/LLVMCompat.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"

using namespace clang;

namespace cosm {

bool FunctionPlan::containsAwait(const Stmt *S) const {
  if (!S)
    return false;
  // Awaits in lambdas belong to the lambda, and were reported there.
  if (isa<LambdaExpr>(S))
    return false;
  auto It = AwaitMemo.find(S);
  if (It != AwaitMemo.end())
    return It->second;
  bool Found = asAwait(S) != nullptr;
  for (const Stmt *Child : S->children())
    if (!Found && containsAwait(Child))
      Found = true;
  AwaitMemo[S] = Found;
  return Found;
}

const FrameVar *FunctionPlan::frameVar(const VarDecl *D) const {
  if (auto It = LocalIndex.find(D); It != LocalIndex.end())
    return &Locals[It->second];
  if (auto It = ParamIndex.find(D); It != ParamIndex.end())
    return &Params[It->second];
  return nullptr;
}

bool FunctionPlan::analyse(const FileContext &File) {
  DiagnosticsEngine &Diags = Context.getDiagnostics();
  FrameName = File.FrameName;
  EarlierFrames = File.EarlierFrames;
  Allocated = File.Allocated;
  auto Result = coroResultType(F->getReturnType());
  if (!Result) {
    report(Diags, F->getLocation(), Diag::AsyncNotCoro,
           "'" + F->getReturnType().getAsString() + "'");
    return false;
  }
  if (!checkReturns(F, Context))
    return false;
  Dependent = F->isDependentContext();
  Lambda = File.Lambda;
  if (const FunctionTemplateDecl *Template =
          Lambda ? nullptr : F->getDescribedFunctionTemplate()) {
    if (!repeatTemplate(Template->getTemplateParameters(), F->getLocation()))
      return false;
  }
  // `template <class T> ... Box<T>::get()`: the frame is a member class of
  // the class template, defined out of line under the same headers.
  for (unsigned I = 0; I < F->getNumTemplateParameterLists(); ++I) {
    auto Header = Text.span(F->getTemplateParameterList(I)->getSourceRange());
    if (!Header) {
      report(Diags, F->getLocation(), Diag::InMacro, "this template header");
      return false;
    }
    OuterHeaders += Text.original(*Header).str() + "\n";
  }
  if (!checkSignature(*Result))
    return false;
  ResultType = memberType(*Result);
  DisplayName = Lambda ? File.LambdaName : F->getQualifiedNameAsString();
  const Stmt *Body = F->getBody();
  Suspends = containsAwait(Body);
  // `using std::string;` in the body: `string` means nothing at the frame.
  UsesNames = namesThroughUsing();

  if (const auto *M = dyn_cast<CXXMethodDecl>(F);
      M && M->isInstance() && !Lambda) {
    SelfType = classType(M->getParent());
    if (M->isConst())
      SelfType = "const " + SelfType;
  }

  Taken = namesUsed(F);
  // What the tool adds gives way to the user's names, not the reverse.
  SelfName = freshName("self");
  LiveName = freshName("live");

  // Parameters keep their names unless the frame's base uses them, or a
  // type the frame names.
  llvm::StringSet<> Base;
  for (const char *Name : BaseNames)
    Base.insert(Name);
  llvm::StringSet<> Types = typeNames();
  for (const auto &Type : Types)
    Base.insert(Type.getKey());
  if (Lambda && !planLambda(Base))
    return false;
  planParameters(Base);
  if (!TemplateHeader.empty() && Lambda) {
    TemplateHeader += ">";
    TemplateArgs += ">";
  }
  CallResultType = ResultType;
  if (std::string Named = resultNamingParameters(); !Named.empty())
    ResultType = Named;
  if (!planLocals(Types))
    return false;

  if (!checkHeldClasses())
    return false;
  if (Lambda && !checkLambdaTypes())
    return false;
  if (!checkClosures() || !checkBody(Body))
    return false;
  if (!rewriteBody())
    return false;

  return placeFrame(File);
}

/// Parameters keep their names unless \p Reserved has them (the frame's
/// base uses them, or a type the frame names).
void FunctionPlan::planParameters(const llvm::StringSet<> &Reserved) {
  for (const ParmVarDecl *P : F->parameters()) {
    if (!P->getIdentifier())
      continue;
    FrameVar V;
    V.Decl = P;
    V.Store = P->getType()->isReferenceType() ? Storage::Ref : Storage::Plain;
    V.Name = Reserved.contains(P->getName()) ? freshName(P->getName())
                                             : P->getName().str();
    // A generic lambda's `auto` parameter: the frame is a template whose
    // parameter is the exact declared type, `decltype(x)` at the call.
    V.Generic = Lambda && namesAutoParameter(P->getType());
    if (V.Generic) {
      V.Type = freshName("Arg_" + V.Name);
      Taken.insert(V.Type);
      addTemplateParameter("class " + V.Type,
                           ("decltype(" + P->getName() + ")").str());
    } else if (const auto *Pack = P->getType()->getAs<PackExpansionType>()) {
      // Kept whole in a tuple; the body sees a pack again.
      V.Type = memberType(Pack->getPattern());
      V.PackMember = freshName(V.Name + "_pack");
      PackResume = freshName("resume_pack");
    } else {
      V.Type = writtenType(P, /*Referent=*/false);
    }
    ParamIndex[P] = Params.size();
    Params.push_back(std::move(V));
  }
}

/// Locals share one namespace with the parameters in the frame; \p Types
/// are the type names the frame must leave alone.
bool FunctionPlan::planLocals(const llvm::StringSet<> &Types) {
  llvm::StringSet<> Used;
  for (const char *Name : BaseNames)
    Used.insert(Name);
  for (const auto &Type : Types)
    Used.insert(Type.getKey());
  for (const FrameVar &P : Params)
    Used.insert(P.Name);
  Used.insert(SelfName);
  Used.insert(LiveName);
  // A renamed local must not take a nested type's name either.
  addLocalTypeNames(Used);
  std::swap(Taken, Used);
  hoistScope(F->getBody());
  std::swap(Taken, Used);
  if (Failed)
    return false;
  for (const FrameVar &L : Locals)
    Taken.insert(L.Name);
  for (LiftedClosure &C : Closures) {
    C.Name = freshName((C.Local->getName() + "_closure").str());
    Locals[LocalIndex[C.Local]].Type = C.Name;
  }
  return true;
}

/// Makes the body's text refer to the frame's members.
bool FunctionPlan::rewriteBody() {
  llvm::StringSet<> MemberNames;
  for (const char *Name : BaseNames)
    MemberNames.insert(Name);
  for (const char *Name : HiddenNames)
    MemberNames.insert(Name);
  MemberNames.insert(SelfName);
  MemberNames.insert(LiveName);
  for (const FrameVar &V : Params)
    MemberNames.insert(V.Name);
  for (const FrameVar &V : Locals)
    MemberNames.insert(V.Name);
  if (!rewriteReferences(*this, F->getBody(), Text, MemberNames,
                         Context.getDiagnostics()))
    return false;
  typeDeduced();
  if (Failed)
    return false;
  printClosures();
  return true;
}

bool FunctionPlan::placeFrame(const FileContext &File) {
  // An out-of-line member's frame is declared in its class and defined
  // where the member is; if the class is in a header, it is local to the
  // member (a local class cannot be a template, nor have one), and so are
  // the frames of the COSM_ASYNC lambdas in it.
  LocalFrame = isHeaderClassMember(F, Context.getSourceManager()) ||
               (Lambda && File.LocalLambda);
  if (LocalFrame &&
      (Dependent || !TemplateHeader.empty() ||
       llvm::any_of(Closures, [](const LiftedClosure &C) {
         return C.Lambda->getCallOperator()->getDescribedFunctionTemplate();
       }))) {
    report(Context.getDiagnostics(),
           Lambda ? Lambda->getBeginLoc() : F->getLocation(), Diag::Unsupported,
           "an out-of-line COSM_ASYNC member template, a generic COSM_ASYNC "
           "lambda, or a generic lambda kept across a suspension, in a member "
           "of a class defined in another file");
    return false;
  }
  // A local class has no static data members: a kept lambda's constants
  // (see canLift) cannot be declared again there.
  if (LocalFrame && !checkClosures())
    return false;
  if (const auto *M = dyn_cast<CXXMethodDecl>(F);
      M && M->isOutOfLine() && !LocalFrame)
    FrameQualifier = classQualifier(M);
  // Members the lowering adds must not hide the frame types the code names.
  Taken.insert(FrameName);
  if (EarlierFrames)
    for (const auto &Earlier : *EarlierFrames) {
      StringRef Name = Earlier.second;
      Taken.insert(Name.contains("::") ? Name.rsplit("::").second : Name);
    }
  return true;
}

bool isHeaderClassMember(const Decl *D, const SourceManager &SM) {
  const auto *M = dyn_cast<CXXMethodDecl>(D);
  return M && M->isOutOfLine() &&
         !SM.isWrittenInMainFile(
             SM.getExpansionLoc(M->getCanonicalDecl()->getLocation()));
}

std::unique_ptr<FunctionPlan> FunctionPlan::build(const FunctionDecl *F,
                                                  ASTContext &Context,
                                                  EditedText &Text,
                                                  const FileContext &File) {
  std::unique_ptr<FunctionPlan> Plan(new FunctionPlan(F, Context, Text));
  if (!Plan->analyse(File))
    return nullptr;
  return Plan;
}

} // namespace cosm
