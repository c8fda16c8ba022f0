//===- analyse/FunctionPlan.cpp - What an async function's frame holds ----===//

#include "analyse/FunctionPlan.h"
#include "analyse/ReturnCheck.h"
#include "find/AsyncFinder.h"
#include "support/Diagnostics.h"
#include "support/LLVMCompat.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/QualTypeNames.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/DenseSet.h"

using namespace clang;

namespace cosm {

/// Names the generated code uses inside the frame (its base class's
/// members, its own helpers): a local of the same name must be renamed.
static constexpr const char *BaseNames[] = {
    "state",         "resume",       "unwind", "function_name", "await_point",
    "awaited_frame", "return_value", "finish", "cosm",          "std"};

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

std::string uniqueName(llvm::StringSet<> &Taken, StringRef Stem) {
  std::string Name = Stem.str();
  for (unsigned N = 2; Taken.contains(Name); ++N)
    Name = (Stem + "_" + Twine(N)).str();
  Taken.insert(Name);
  return Name;
}

std::string FunctionPlan::freshName(StringRef Stem) {
  return uniqueName(Taken, Stem);
}

namespace {
/// Finds what cannot be lowered; reports each occurrence.
class Checker : public RecursiveASTVisitor<Checker> {
public:
  Checker(const FunctionPlan &Plan, DiagnosticsEngine &Diags)
      : Plan(Plan), Diags(Diags) {}
  bool Failed = false;

  bool TraverseLambdaExpr(LambdaExpr *L) {
    for (const Expr *Init : L->capture_inits())
      if (Init && Plan.containsAwait(Init))
        fail(Init->getBeginLoc(), Diag::Unsupported,
             "'cosm::await' in a lambda's init-capture (await into a local "
             "first)");
    return true;
  }

  bool VisitIndirectGotoStmt(IndirectGotoStmt *G) {
    if (Plan.Suspends)
      fail(G->getGotoLoc(), Diag::Unsupported,
           "a computed 'goto' (GNU) in a COSM_ASYNC function that suspends");
    return true;
  }
  bool VisitVarDecl(VarDecl *V) {
    if (V->getType()->isVariableArrayType())
      fail(V->getLocation(), Diag::VariableLengthArray);
    const FrameVar *Kept = Plan.frameVar(V);
    if (V->getType()->isRecordType() &&
        V->getType()->getAsCXXRecordDecl()->isLambda() && Kept &&
        Kept->Type.empty())
      fail(V->getLocation(), Diag::Unsupported,
           "a lambda stored in a local that lives across a suspension");
    return true;
  }
  // Each element of the expansion would be a suspension of its own: how
  // many, only the instantiation knows.
  bool VisitPackExpansionExpr(PackExpansionExpr *E) { return expansion(E); }
  bool VisitCXXFoldExpr(CXXFoldExpr *E) { return expansion(E); }
  bool expansion(Expr *E) {
    if (Plan.containsAwait(E))
      fail(E->getBeginLoc(), Diag::Unsupported,
           "'cosm::await' inside a pack expansion (await a cosm::gather of "
           "the pack, or recurse over it)");
    return true;
  }
  bool VisitStmtExpr(StmtExpr *E) {
    if (Plan.containsAwait(E))
      fail(E->getBeginLoc(), Diag::Unsupported,
           "'cosm::await' inside a statement expression");
    return true;
  }
  bool VisitCoroutineBodyStmt(CoroutineBodyStmt *S) {
    fail(S->getBeginLoc(), Diag::Unsupported,
         "a C++20 coroutine marked COSM_ASYNC");
    return true;
  }
  bool VisitUnaryExprOrTypeTraitExpr(UnaryExprOrTypeTraitExpr *E) {
    if (Plan.containsAwait(E))
      fail(E->getBeginLoc(), Diag::Unsupported,
           "'cosm::await' in an unevaluated operand");
    return false;
  }

private:
  void fail(SourceLocation Loc, Diag Kind, StringRef Arg = {}) {
    report(Diags, Loc, Kind, Arg);
    Failed = true;
  }
  const FunctionPlan &Plan;
  DiagnosticsEngine &Diags;
};

/// Collects every identifier the body uses, so generated names avoid them.
class NameCollector : public RecursiveASTVisitor<NameCollector> {
public:
  explicit NameCollector(llvm::StringSet<> &Names) : Names(Names) {}
  bool VisitNamedDecl(NamedDecl *D) {
    if (D->getIdentifier())
      Names.insert(D->getName());
    return true;
  }
  bool VisitDeclRefExpr(DeclRefExpr *E) {
    if (E->getDecl()->getIdentifier())
      Names.insert(E->getDecl()->getName());
    return true;
  }
  bool VisitMemberExpr(MemberExpr *E) {
    if (E->getMemberDecl()->getIdentifier())
      Names.insert(E->getMemberDecl()->getName());
    return true;
  }

private:
  llvm::StringSet<> &Names;
};

/// Rewrites how the body refers to frame members and to the object.
class ReferenceRewriter : public RecursiveASTVisitor<ReferenceRewriter> {
public:
  ReferenceRewriter(const FunctionPlan &Plan, EditedText &Text,
                    const llvm::StringSet<> &MemberNames,
                    DiagnosticsEngine &Diags)
      : Plan(Plan), Text(Text), MemberNames(MemberNames), Diags(Diags) {}
  bool Failed = false;

  // `sizeof...(args)` names the pack, renamed if the frame's base uses
  // its name.
  bool VisitSizeOfPackExpr(SizeOfPackExpr *E) {
    const auto *V = dyn_cast<VarDecl>(E->getPack());
    const FrameVar *FV = V ? Plan.frameVar(V) : nullptr;
    if (FV && FV->Name != V->getName())
      replace(E->getPackLoc(), FV->Name, V->getName());
    return true;
  }
  bool VisitDeclRefExpr(DeclRefExpr *E) {
    // Inside a lambda the name denotes the capture, rewritten below.
    if (E->refersToEnclosingVariableOrCapture() ||
        Captures.count(E->getLocation()))
      return true;
    if (const auto *V = dyn_cast<VarDecl>(E->getDecl())) {
      if (const FrameVar *FV = Plan.frameVar(V)) {
        if (FV->Store == Storage::Pointer)
          replace(E->getLocation(), "(*" + FV->Name + ")", V->getName());
        else if (FV->Store == Storage::Object && !isa<ParmVarDecl>(V) &&
                 V->getType().isConstQualified() &&
                 !V->getType()->isReferenceType())
          // The member is not const (it is constructed in place): the
          // user's const object still reads as one (overloads, moves).
          replace(E->getLocation(), "std::as_const(" + FV->Name + ")",
                  V->getName());
        else if (FV->Name != V->getName())
          replace(E->getLocation(), FV->Name, V->getName());
        return true;
      }
    }
    if (const auto *Binding = dyn_cast<BindingDecl>(E->getDecl()))
      if (const auto *Whole =
              dyn_cast_or_null<DecompositionDecl>(Binding->getDecomposedDecl()))
        if (const FrameVar *FV = Plan.frameVar(Whole)) {
          replace(E->getLocation(), bindingText(*Whole, *Binding, *FV),
                  Binding->getName());
          return true;
        }
    // A name from outside that a frame member would hide: qualify it.
    const NamedDecl *D = E->getDecl();
    if (!E->hasQualifier() && D->getIdentifier() &&
        MemberNames.contains(D->getName()) &&
        !D->getDeclContext()->isFunctionOrMethod() && !isa<ParmVarDecl>(D))
      replace(E->getLocation(), "::" + D->getQualifiedNameAsString(),
              D->getName());
    return true;
  }

  /// A type the frame's members or bases would hide: qualify it.
  bool VisitTagTypeLoc(TagTypeLoc TL) { return qualifyType(TL, TL.getDecl()); }
  bool VisitTypedefTypeLoc(TypedefTypeLoc TL) {
    return qualifyType(TL, TL.getTypePtr()->getDecl());
  }

  bool VisitMemberExpr(MemberExpr *E) {
    if (!E->isImplicitAccess())
      return true;
    if (const auto *This =
            dyn_cast<CXXThisExpr>(E->getBase()->IgnoreImpCasts()))
      if (This->isImplicit())
        insert(E->getMemberLoc(), Plan.SelfName + "->",
               E->getMemberDecl()->getName());
    return true;
  }

  bool VisitCXXDependentScopeMemberExpr(CXXDependentScopeMemberExpr *E) {
    if (E->isImplicitAccess())
      insert(E->getMemberLoc(), Plan.SelfName + "->",
             E->getMember().getAsString());
    return true;
  }
  bool VisitUnresolvedMemberExpr(UnresolvedMemberExpr *E) {
    if (E->isImplicitAccess())
      insert(E->getMemberLoc(), Plan.SelfName + "->",
             E->getMemberName().getAsString());
    return true;
  }

  /// A class declared in the function has its own `this`.
  bool TraverseCXXRecordDecl(CXXRecordDecl *D) {
    return !D->isLambda() ||
           RecursiveASTVisitor<ReferenceRewriter>::TraverseCXXRecordDecl(D);
  }

  bool VisitCXXThisExpr(CXXThisExpr *E) {
    if (!E->isImplicit() && !ThisCaptures.count(E->getLocation()))
      replace(E->getLocation(), Plan.SelfName, "this");
    return true;
  }

  bool VisitLambdaExpr(LambdaExpr *L) {
    for (const LambdaCapture &C : capturesOf(L)) {
      if (C.capturesThis()) {
        captureThis(L, C);
        continue;
      }
      if (!C.capturesVariable())
        continue;
      if (C.isExplicit())
        Captures.insert(C.getLocation());
      const auto *V = dyn_cast<VarDecl>(C.getCapturedVar());
      // A constant made static cannot be captured: copy it instead.
      if (V && C.isExplicit() && Plan.StaticConstants.count(V)) {
        replace(C.getLocation(),
                V->getName().str() + " = " + V->getName().str(), V->getName());
        continue;
      }
      const FrameVar *FV = V ? Plan.frameVar(V) : nullptr;
      if (!FV || V->isInitCapture())
        continue;
      if (inOtherLambda(L)) {
        // The name is the enclosing lambda's capture, which may be a member
        // of a lifted closure: a member is captured by an init-capture.
        if (C.isExplicit() && !V->getType()->isArrayType())
          replace(C.getLocation(),
                  V->getName().str() + " = " + V->getName().str(),
                  V->getName());
        continue;
      }
      // Members cannot be captured by name: capture them under the
      // source's name with an init-capture, so the body reads unchanged.
      std::string Member =
          FV->Store == Storage::Pointer ? "*" + FV->Name : FV->Name;
      std::string Capture = V->getName().str() + " = " + Member;
      if (C.isExplicit()) {
        replace(C.getLocation(), Capture, V->getName());
        continue;
      }
      bool ByRef = C.getCaptureKind() == LCK_ByRef;
      insert(L->getIntroducerRange().getEnd(),
             std::string(", ") + (ByRef ? "&" : "") + Capture, "a capture");
    }
    return true;
  }

private:
  /// In resume() `this` is the frame; the object is `self`, a member, which
  /// a lambda cannot capture by name. It captures a copy of the pointer
  /// instead (or, for `[*this]`, a copy of the object that `self->` reaches
  /// as well), so its body reads as the rest of resume().
  /// True if \p L is written in another lambda of the body: its captures
  /// name that lambda's, which keep the source's names.
  bool inOtherLambda(const LambdaExpr *L) const {
    const auto *M =
        dyn_cast<CXXMethodDecl>(L->getLambdaClass()->getDeclContext());
    return M && M->getParent()->isLambda() &&
           (!Plan.Lambda || M != Plan.Lambda->getCallOperator());
  }

  void captureThis(const LambdaExpr *L, const LambdaCapture &C) {
    const std::string &Self = Plan.SelfName;
    std::string Capture = C.getCaptureKind() == LCK_StarThis
                              ? Self + " = cosm::ThisCopy(*" + Self + ")"
                              : Self + " = " + Self;
    if (!C.isExplicit()) {
      // `[=]` or `[&]` would capture the frame, which may be gone when the
      // lambda runs.
      insert(L->getIntroducerRange().getEnd(), ", " + Capture, "a capture");
      return;
    }
    // `this`, or `*this` (whose capture and init are located at the `*`).
    SourceLocation Last = C.getLocation();
    if (C.getCaptureKind() == LCK_StarThis)
      if (auto Next = Lexer::findNextToken(Last, Text.sourceManager(),
                                           Text.langOptions()))
        Last = Next->getLocation();
    auto Where = Text.span(SourceRange(C.getLocation(), Last));
    if (!Where) {
      report(Diags, C.getLocation(), Diag::InMacro, "'this'");
      Failed = true;
      return;
    }
    Text.replace(*Where, Capture);
    ThisCaptures.insert(C.getLocation());
    ThisCaptures.insert(Last);
  }

  /// How a binding of a structured binding kept in the frame reads.
  static std::string bindingText(const DecompositionDecl &Whole,
                                 const BindingDecl &Binding,
                                 const FrameVar &V) {
    std::string Object =
        V.Store == Storage::Pointer ? "(*" + V.Name + ")" : V.Name;
    unsigned Index = 0;
    for (const BindingDecl *B : Whole.bindings()) {
      if (B == &Binding)
        break;
      ++Index;
    }
    QualType Type = Whole.getType().getNonReferenceType();
    if (Type->isArrayType())
      return Object + "[" + std::to_string(Index) + "]";
    if (Binding.getHoldingVar() ||
        !isa_and_nonnull<MemberExpr>(Binding.getBinding()->IgnoreImplicit()))
      return "std::get<" + std::to_string(Index) + ">(" + Object + ")";
    const auto *Field =
        cast<MemberExpr>(Binding.getBinding()->IgnoreImplicit());
    return Object + "." + Field->getMemberDecl()->getName().str();
  }

  bool qualifyType(TypeLoc TL, const NamedDecl *D) {
    if (!D || !D->getIdentifier() || !MemberNames.contains(D->getName()) ||
        D->getDeclContext()->isFunctionOrMethod())
      return true;
    SourceLocation NameLoc = TL.getEndLoc();
    auto Where = Text.span(NameLoc);
    if (!Where || Text.original(*Where) != D->getName())
      return true;
    // Already qualified: `ns::Frame`.
    if (Where->Begin >= 2 &&
        Text.original({Where->Begin - 2, Where->Begin}) == "::")
      return true;
    Text.replace(*Where, "::" + D->getQualifiedNameAsString());
    return true;
  }

  void replace(SourceLocation Loc, std::string With, StringRef What) {
    if (auto Where = Text.span(Loc))
      return Text.replace(*Where, std::move(With));
    report(Diags, Loc, Diag::InMacro, ("'" + What + "'").str());
    Failed = true;
  }
  void insert(SourceLocation Loc, std::string With, StringRef What) {
    if (auto Where = Text.span(Loc))
      return Text.insert(Where->Begin, std::move(With));
    report(Diags, Loc, Diag::InMacro, ("'" + What + "'").str());
    Failed = true;
  }

  const FunctionPlan &Plan;
  EditedText &Text;
  const llvm::StringSet<> &MemberNames;
  DiagnosticsEngine &Diags;
  /// Where explicit captures name a variable: rewritten as captures.
  llvm::DenseSet<SourceLocation> Captures;
  /// Where explicit captures say `this`: rewritten with the capture.
  llvm::DenseSet<SourceLocation> ThisCaptures;
};
} // namespace

/// The names \p F's frame must leave to it: its base's, and what the body
/// and the parameters declare or use.
static llvm::StringSet<> namesUsed(const FunctionDecl *F) {
  llvm::StringSet<> Names;
  for (const char *Name : BaseNames)
    Names.insert(Name);
  NameCollector(Names).TraverseStmt(F->getBody());
  for (const ParmVarDecl *P : F->parameters())
    if (P->getIdentifier())
      Names.insert(P->getName());
  return Names;
}

std::string FunctionPlan::selfNameFor(const FunctionDecl *F) {
  llvm::StringSet<> Names = namesUsed(F);
  return uniqueName(Names, "self");
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
  if (isa<CXXTryStmt>(F->getBody())) {
    report(Diags, F->getBody()->getBeginLoc(), Diag::Unsupported,
           "a COSM_ASYNC function whose body is a function-try-block (write "
           "the try block inside the braces of the body)");
    return false;
  }
  if (F->isVariadic() || isa<CXXConstructorDecl>(F) ||
      isa<CXXDestructorDecl>(F)) {
    report(Diags, F->getLocation(), Diag::Unsupported,
           "a COSM_ASYNC variadic function, constructor or destructor");
    return false;
  }
  unsigned Packs = 0;
  for (const ParmVarDecl *P : F->parameters())
    if (P->isParameterPack() && (Lambda || ++Packs > 1)) {
      report(Diags, P->getLocation(), Diag::Unsupported,
             Lambda ? "a parameter pack of a generic COSM_ASYNC lambda"
                    : "a second function parameter pack of a COSM_ASYNC "
                      "template");
      return false;
    }
  // A frame nested in its class while the class is still incomplete cannot
  // hold a result of the class's type.
  if (const auto *M = dyn_cast<CXXMethodDecl>(F);
      M && !M->isOutOfLine() &&
      Result->getCanonicalType()->getAsCXXRecordDecl() == M->getParent()) {
    report(Diags, F->getLocation(), Diag::Unsupported,
           "a COSM_ASYNC member defined in its class whose result is the "
           "class itself (define it out of line, after the class)");
    return false;
  }
  if (Lambda && (*Result)->isDependentType() &&
      !Lambda->getLambdaClass()->isDependentContext()) {
    report(Diags, F->getLocation(), Diag::Unsupported,
           "a generic COSM_ASYNC lambda whose result type depends on its "
           "'auto' parameters");
    return false;
  }
  ResultType = memberType(*Result);
  DisplayName = Lambda ? File.LambdaName : F->getQualifiedNameAsString();
  const Stmt *Body = F->getBody();
  Suspends = containsAwait(Body);
  // `using std::string;` in the body: `string` means nothing at the frame.
  struct UsingFinder : RecursiveASTVisitor<UsingFinder> {
    bool Found = false;
    bool VisitUsingDecl(UsingDecl *) { return !(Found = true); }
    bool VisitUsingDirectiveDecl(UsingDirectiveDecl *) {
      return !(Found = true);
    }
    bool VisitNamespaceAliasDecl(NamespaceAliasDecl *) {
      return !(Found = true);
    }
  } Usings;
  Usings.TraverseStmt(const_cast<Stmt *>(Body));
  UsesNames = Usings.Found;

  if (const auto *M = dyn_cast<CXXMethodDecl>(F);
      M && M->isInstance() && !Lambda) {
    SelfType = memberType(recordType(Context, M->getParent()));
    if (M->isConst())
      SelfType = "const " + SelfType;
  }

  Taken = namesUsed(F);
  // What the tool adds gives way to the user's names, not the reverse.
  SelfName = freshName("self");
  LiveName = freshName("live");

  // Parameters keep their names unless the frame's base uses them.
  llvm::StringSet<> Base;
  for (const char *Name : BaseNames)
    Base.insert(Name);
  if (Lambda && !planLambda(Base))
    return false;
  for (const ParmVarDecl *P : F->parameters()) {
    if (!P->getIdentifier())
      continue;
    FrameVar V;
    V.Decl = P;
    V.Store = P->getType()->isReferenceType() ? Storage::Ref : Storage::Plain;
    V.Name = Base.contains(P->getName()) ? freshName(P->getName())
                                         : P->getName().str();
    // A generic lambda's `auto` parameter: the frame is a template whose
    // parameter is the exact declared type, `decltype(x)` at the call.
    V.Generic = Lambda && namesAutoParameter(P->getType());
    if (V.Generic) {
      V.Type = freshName("Arg_" + V.Name);
      Taken.insert(V.Type);
      TemplateHeader +=
          (TemplateHeader.empty() ? "template <class " : ", class ") + V.Type;
      TemplateArgs += (TemplateArgs.empty() ? "<" : ", ") +
                      ("decltype(" + P->getName() + ")").str();
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
  if (!TemplateHeader.empty() && Lambda) {
    TemplateHeader += ">";
    TemplateArgs += ">";
  }
  // Locals share one namespace with the parameters in the frame.
  llvm::StringSet<> Used;
  for (const char *Name : BaseNames)
    Used.insert(Name);
  for (const FrameVar &P : Params)
    Used.insert(P.Name);
  Used.insert(SelfName);
  Used.insert(LiveName);
  std::swap(Taken, Used);
  hoistScope(Body);
  std::swap(Taken, Used);
  if (Failed)
    return false;
  for (const FrameVar &L : Locals)
    Taken.insert(L.Name);
  for (LiftedClosure &C : Closures) {
    C.Name = freshName((C.Local->getName() + "_closure").str());
    Locals[LocalIndex[C.Local]].Type = C.Name;
  }

  if (Lambda && !checkLambdaTypes())
    return false;
  if (!checkClosures())
    return false;

  Checker Check(*this, Diags);
  Check.TraverseStmt(const_cast<Stmt *>(Body));
  if (Check.Failed)
    return false;

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
  ReferenceRewriter Rewriter(*this, Text, MemberNames, Diags);
  Rewriter.TraverseStmt(const_cast<Stmt *>(Body));
  if (Rewriter.Failed)
    return false;
  typeDeduced();
  if (Failed)
    return false;
  printClosures();

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
  if (const auto *M = dyn_cast<CXXMethodDecl>(F);
      M && M->isOutOfLine() && !LocalFrame)
    FrameQualifier = memberType(recordType(Context, M->getParent())) + "::";
  // Members the lowering adds must not hide the frame types the code names.
  Taken.insert(FrameName);
  if (EarlierFrames)
    for (const auto &Earlier : *EarlierFrames) {
      StringRef Name = Earlier.second;
      Taken.insert(Name.contains("::") ? Name.rsplit("::").second : Name);
    }
  return true;
}

bool FunctionPlan::repeatTemplate(const TemplateParameterList *Params,
                                  SourceLocation Where) {
  auto Header = Text.span(Params->getSourceRange());
  if (!Header) {
    report(Context.getDiagnostics(), Where, Diag::InMacro,
           "this template header");
    return false;
  }
  TemplateHeader = Text.original(*Header).str();
  TemplateArgs.clear();
  for (const NamedDecl *P : *Params)
    TemplateArgs += (TemplateArgs.empty() ? "<" : ", ") + P->getName().str() +
                    (P->isParameterPack() ? "..." : "");
  TemplateArgs += ">";
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
