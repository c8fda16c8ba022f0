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
    // C++ runs the initialiser once, under a guard that a second caller
    // would wait on (or re-enter, if the first is suspended in it).
    if (V->isStaticLocal() && V->getInit() && Plan.containsAwait(V->getInit()))
      fail(V->getLocation(), Diag::Unsupported,
           "'cosm::await' in the initialiser of a static or thread_local "
           "local (await into an ordinary local, then assign it)");
    const FrameVar *Kept = Plan.frameVar(V);
    if (V->getType()->isRecordType() &&
        V->getType()->getAsCXXRecordDecl()->isLambda() && Kept &&
        Kept->Type.empty())
      // Only a lambda expression is lifted into a named class: a copy of
      // another local's closure, or one a function returns, has none.
      fail(V->getLocation(), Diag::Unsupported,
           "a closure copied from another local or returned by a function, "
           "stored in a local that lives across a suspension (store the "
           "lambda expression itself, or a std::function)");
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
  // A type the body names (`struct lines` at namespace scope).
  bool VisitTagTypeLoc(TagTypeLoc TL) { return add(TL.getDecl()); }
  bool VisitTypedefTypeLoc(TypedefTypeLoc TL) {
    return add(TL.getTypePtr()->getDecl());
  }

private:
  bool add(const NamedDecl *D) {
    if (D->getIdentifier())
      Names.insert(D->getName());
    return true;
  }
  llvm::StringSet<> &Names;
};

/// Collects the names of the types \p F names (its parameters', its
/// result's, its body's): a parameter or local of one of those names,
/// declared as a frame member (`Config Config;`), would hide the type
/// from the rest of the frame.
class TypeNames : public RecursiveASTVisitor<TypeNames> {
public:
  explicit TypeNames(llvm::StringSet<> &Names) : Names(Names) {}
  bool VisitTagTypeLoc(TagTypeLoc TL) { return add(TL.getDecl()); }
  bool VisitTypedefTypeLoc(TypedefTypeLoc TL) {
    return add(TL.getTypePtr()->getDecl());
  }
  bool VisitTemplateSpecializationTypeLoc(TemplateSpecializationTypeLoc TL) {
    return add(TL.getTypePtr()->getTemplateName().getAsTemplateDecl());
  }

private:
  bool add(const NamedDecl *D) {
    if (D && D->getIdentifier())
      Names.insert(D->getName());
    return true;
  }
  llvm::StringSet<> &Names;
};

/// Collects the names a frame that nests \p F's local types would declare:
/// the types' and their unscoped enumerators'.
class LocalTypeNames : public RecursiveASTVisitor<LocalTypeNames> {
public:
  LocalTypeNames(const FunctionDecl *F, llvm::StringSet<> &Names)
      : F(F), Names(Names) {}
  bool VisitTypeDecl(TypeDecl *D) {
    if (D->getDeclContext() == F && D->getIdentifier())
      Names.insert(D->getName());
    return true;
  }
  bool VisitEnumConstantDecl(EnumConstantDecl *D) {
    const auto *Enum = cast<EnumDecl>(D->getDeclContext());
    if (Enum->getDeclContext() == F && !Enum->isScoped())
      Names.insert(D->getName());
    return true;
  }

private:
  const FunctionDecl *F;
  llvm::StringSet<> &Names;
};

} // namespace

/// The class \p Type holds by value (itself, an array of it, a template
/// argument of it) among \p Classes; none for what C++17 lets hold an
/// incomplete type (std::vector, std::list, smart pointers).
static const CXXRecordDecl *
holdsByValue(QualType Type, ArrayRef<const CXXRecordDecl *> Classes) {
  Type = Type.getCanonicalType();
  while (const ArrayType *Array = Type->getAsArrayTypeUnsafe())
    Type = Array->getElementType().getCanonicalType();
  const auto *Record = Type->getAsCXXRecordDecl();
  if (!Record || Type->isReferenceType())
    return nullptr;
  for (const CXXRecordDecl *Class : Classes)
    if (Record->getCanonicalDecl() == Class->getCanonicalDecl())
      return Class;
  const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(Record);
  if (!Spec || (Spec->isInStdNamespace() &&
                llvm::is_contained({"vector", "list", "forward_list",
                                    "unique_ptr", "shared_ptr", "weak_ptr"},
                                   Spec->getName())))
    return nullptr;
  for (const TemplateArgument &Arg : Spec->getTemplateArgs().asArray()) {
    ArrayRef<TemplateArgument> Each = Arg;
    if (Arg.getKind() == TemplateArgument::Pack)
      Each = Arg.pack_elements();
    for (const TemplateArgument &A : Each)
      if (A.getKind() == TemplateArgument::Type)
        if (const CXXRecordDecl *Class = holdsByValue(A.getAsType(), Classes))
          return Class;
  }
  return nullptr;
}

/// The class, still incomplete where the frame of \p F (a member or a
/// friend defined in its class) is nested, that \p Type holds by value.
static const CXXRecordDecl *heldIncomplete(QualType Type,
                                           const FunctionDecl *F) {
  // An out-of-line member's lexical context is the namespace.
  const auto *Class = dyn_cast<CXXRecordDecl>(F->getLexicalDeclContext());
  // A class template's nested frame is instantiated where it is used, in
  // the member's body, where the class is complete.
  if (!Class || Class->isLambda() || Class->isDependentContext())
    return nullptr;
  SmallVector<const CXXRecordDecl *, 2> Classes;
  for (const DeclContext *DC = Class; isa<CXXRecordDecl>(DC);
       DC = DC->getParent())
    Classes.push_back(cast<CXXRecordDecl>(DC));
  return holdsByValue(Type, Classes);
}

/// What \p F, defined in a class, is called in messages.
static const char *inClassKind(const FunctionDecl *F) {
  return isa<CXXMethodDecl>(F) ? "member defined in its class"
                               : "friend defined in its class";
}

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
  // The template parameters of the function and the classes around it:
  // a member named like one would redeclare it (`template <class live>`).
  auto AddParams = [&](const TemplateParameterList *Params) {
    if (Params)
      for (const NamedDecl *P : *Params)
        if (P->getIdentifier())
          Names.insert(P->getName());
  };
  for (unsigned I = 0; I < F->getNumTemplateParameterLists(); ++I)
    AddParams(F->getTemplateParameterList(I));
  for (const Decl *D = F; D; D = dyn_cast_or_null<Decl>(D->getDeclContext())) {
    if (const auto *G = dyn_cast<FunctionDecl>(D))
      if (const FunctionTemplateDecl *Template =
              G->getDescribedFunctionTemplate())
        AddParams(Template->getTemplateParameters());
    if (const auto *Class = dyn_cast<CXXRecordDecl>(D)) {
      if (const ClassTemplateDecl *Template =
              Class->getDescribedClassTemplate())
        AddParams(Template->getTemplateParameters());
      if (const auto *Partial =
              dyn_cast<ClassTemplatePartialSpecializationDecl>(Class))
        AddParams(Partial->getTemplateParameters());
    }
  }
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
  if (const CXXRecordDecl *Class = heldIncomplete(*Result, F)) {
    bool Itself = Result->getCanonicalType()->getAsCXXRecordDecl() == Class;
    report(Diags, F->getLocation(), Diag::Unsupported,
           std::string("a COSM_ASYNC ") + inClassKind(F) +
               (Itself ? " whose result is the class itself (define it out "
                         "of line, after the class)"
                       : " whose result holds the class '" +
                             Class->getNameAsString() +
                             "' by value (define it out of line, after the "
                             "class)"));
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
  llvm::StringSet<> Types;
  TypeNames(Types).TraverseDecl(const_cast<FunctionDecl *>(F));
  // The frame names the classes it is nested in (`Srv *self`), and a
  // lambda's frame the types of what it captures (`Config &Config`).
  for (const DeclContext *DC = F->getParent(); DC; DC = DC->getParent())
    if (const auto *Class = dyn_cast<CXXRecordDecl>(DC);
        Class && Class->getIdentifier())
      Types.insert(Class->getName());
  if (Lambda)
    for (const LambdaCapture &C : capturesOf(Lambda))
      if (C.capturesVariable())
        TypeNames(Types).TraverseDecl(C.getCapturedVar());
  for (const auto &Type : Types)
    Base.insert(Type.getKey());
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
  if (!TemplateHeader.empty() && Lambda) {
    TemplateHeader += ">";
    TemplateArgs += ">";
  }
  CallResultType = ResultType;
  if (std::string Named = resultNamingParameters(); !Named.empty())
    ResultType = Named;
  // Locals share one namespace with the parameters in the frame.
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
  LocalTypeNames(F, Used).TraverseStmt(const_cast<Stmt *>(Body));
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

  // So can it not hold a parameter or a local of such a type.
  for (const auto *Vars : {&Params, &Locals})
    for (const FrameVar &V : *Vars)
      if (V.Store == Storage::Plain || V.Store == Storage::Object)
        if (const CXXRecordDecl *Class = heldIncomplete(V.Decl->getType(), F)) {
          report(Diags, V.Decl->getLocation(), Diag::Unsupported,
                 std::string("a COSM_ASYNC ") + inClassKind(F) +
                     " that keeps '" + V.Decl->getNameAsString() +
                     "', which holds the class '" + Class->getNameAsString() +
                     "' by value, across a suspension (define it out of "
                     "line, after the class)");
          return false;
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
  if (!rewriteReferences(*this, Body, Text, MemberNames, Diags))
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
