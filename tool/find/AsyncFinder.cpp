//===- find/AsyncFinder.cpp - COSM_ASYNC functions and their awaits -------===//

#include "find/AsyncFinder.h"
#include "support/Diagnostics.h"
#include "clang/AST/Attr.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"

using namespace clang;

namespace cosm {

static bool isCosmName(const NamedDecl *D, StringRef Name) {
  if (!D || !D->getIdentifier() || D->getName() != Name)
    return false;
  const auto *NS = dyn_cast<NamespaceDecl>(D->getDeclContext());
  return NS && NS->getIdentifier() && NS->getName() == "cosm" &&
         NS->getParent()->getRedeclContext()->isTranslationUnit();
}

/// True if \p Lookup, an unresolved name in a template, finds cosm::await.
static bool findsAwait(const OverloadExpr *Lookup) {
  for (const NamedDecl *D : Lookup->decls())
    if (isCosmName(D->getUnderlyingDecl()->getAsFunction(), "await"))
      return true;
  return false;
}

const CallExpr *asAwait(const Stmt *S) {
  const auto *Call = dyn_cast_or_null<CallExpr>(S);
  if (!Call || Call->getNumArgs() != 1)
    return nullptr;
  if (const FunctionDecl *Callee = Call->getDirectCallee())
    return isCosmName(Callee, "await") ? Call : nullptr;
  // In a template, a call with a dependent argument stays unresolved.
  const auto *Lookup =
      dyn_cast<UnresolvedLookupExpr>(Call->getCallee()->IgnoreImpCasts());
  return Lookup && findsAwait(Lookup) ? Call : nullptr;
}

/// What awaiting a value of \p Type does, if its type says.
static std::optional<AwaitKind> kindOf(QualType Type) {
  Type = Type.getNonReferenceType();
  const NamedDecl *Class = Type->getAsCXXRecordDecl();
  if (!Class)
    if (const auto *Written = Type->getAs<TemplateSpecializationType>())
      Class = Written->getTemplateName().getAsTemplateDecl();
  if (isCosmName(Class, "Task"))
    return AwaitKind::Task;
  if (isCosmName(Class, "Future"))
    return AwaitKind::Future;
  if (isCosmName(Class, "Coro"))
    return AwaitKind::Coroutine;
  return std::nullopt;
}

std::optional<AwaitKind> awaitKind(const CallExpr *Await) {
  if (const FunctionDecl *Callee = Await->getDirectCallee())
    return kindOf(Callee->getParamDecl(0)->getType());
  const Expr *Operand = Await->getArg(0)->IgnoreParenImpCasts();
  if (auto Kind = kindOf(Operand->getType()))
    return Kind;
  const auto *Call = dyn_cast<CallExpr>(Operand);
  if (!Call)
    return std::nullopt;
  // `cosm::await(g<T>(x))`: what every candidate g returns.
  auto Agree = [](auto Candidates) -> std::optional<AwaitKind> {
    std::optional<AwaitKind> Agreed;
    for (const NamedDecl *D : Candidates) {
      const FunctionDecl *G = D->getUnderlyingDecl()->getAsFunction();
      auto Kind = G ? kindOf(G->getReturnType()) : std::nullopt;
      if (!Kind || (Agreed && *Agreed != *Kind))
        return std::nullopt;
      Agreed = Kind;
    }
    return Agreed;
  };
  if (const FunctionDecl *G = Call->getDirectCallee())
    return kindOf(G->getReturnType());
  const Expr *Callee = Call->getCallee()->IgnoreImpCasts();
  if (const auto *Lookup = dyn_cast<OverloadExpr>(Callee))
    return Agree(Lookup->decls());
  // `cosm::await(member(x))` in a class template: the members of that name.
  if (const auto *Member = dyn_cast<CXXDependentScopeMemberExpr>(Callee)) {
    QualType Base = Member->getBaseType();
    if (Member->isArrow() && !Base.isNull() && Base->isPointerType())
      Base = Base->getPointeeType();
    if (const CXXRecordDecl *Class =
            Base.isNull() ? nullptr : Base->getAsCXXRecordDecl())
      return Agree(Class->lookup(Member->getMember()));
  }
  return std::nullopt;
}

const Expr *sleepDelay(const Expr *Operand) {
  const auto *Call = dyn_cast<CallExpr>(Operand->IgnoreImplicit());
  if (!Call || Call->getStmtClass() != Stmt::CallExprClass)
    return nullptr;
  const FunctionDecl *Callee = Call->getDirectCallee();
  if (!isCosmName(Callee, "sleep") || Callee->getNumParams() != 1 ||
      Callee->isTemplateInstantiation() || Call->getNumArgs() != 1)
    return nullptr;
  return Call->getArg(0);
}

bool isAsync(const Decl *F) {
  for (const auto *A : F->specific_attrs<AnnotateAttr>())
    if (A->getAnnotation() == "cosm.async")
      return true;
  return false;
}

/// T of a `cosm::Coro<T>` specialization (canonical, so without sugar).
static std::optional<QualType> coroArgument(QualType Type) {
  const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
      Type->getAsCXXRecordDecl());
  if (!Spec || !isCosmName(Spec, "Coro") || Spec->getTemplateArgs().size() != 1)
    return std::nullopt;
  return Spec->getTemplateArgs()[0].getAsType();
}

std::optional<QualType> coroResultType(QualType Type) {
  std::optional<QualType> Canonical = coroArgument(Type);
  if (!Canonical) {
    // A dependent Coro<T>, in a template.
    const auto *Written = Type->getAs<TemplateSpecializationType>();
    const auto *Template =
        Written ? Written->getTemplateName().getAsTemplateDecl() : nullptr;
    if (!Template || !isCosmName(Template, "Coro") ||
        Written->template_arguments().size() != 1)
      return std::nullopt;
    return Written->template_arguments()[0].getAsType();
  }
  // The argument as written (std::string) when the type still says it.
  if (const auto *Written = Type->getAs<TemplateSpecializationType>())
    if (Written->template_arguments().size() == 1 &&
        Written->template_arguments()[0].getKind() == TemplateArgument::Type)
      return Written->template_arguments()[0].getAsType();
  return Canonical;
}

namespace {
/// Walks the main file, tracking the innermost function, to collect async
/// definitions and check where awaits stand.
class Finder : public RecursiveASTVisitor<Finder> {
public:
  explicit Finder(ASTContext &Context) : Context(Context) {}

  bool TraverseDecl(Decl *D) {
    if (!D)
      return true;
    // Headers are not ours to rewrite or to check, but an async function
    // defined in one would be left as it is, which does not compile.
    if (!isa<TranslationUnitDecl>(D) &&
        !Context.getSourceManager().isInMainFile(
            Context.getSourceManager().getExpansionLoc(D->getLocation()))) {
      refuseDefinitionsIn(D);
      return true;
    }
    // A frame can be defined before a declaration of a namespace or of a
    // class (not of a local class: a local class has no static members).
    const DeclContext *DC = D->getLexicalDeclContext();
    const auto *Class = dyn_cast_or_null<CXXRecordDecl>(DC);
    bool Anchor = (DC && DC->isFileContext()) ||
                  (Class && !Class->isLambda() && !Class->isLocalClass());
    if (Anchor)
      Anchors.push_back(D);
    auto *F = dyn_cast<FunctionDecl>(D);
    if (F && F->doesThisDeclarationHaveABody() && isAsync(F))
      Found.Functions.push_back(F);
    if (F)
      Enclosing.push_back(F);
    bool Result = RecursiveASTVisitor::TraverseDecl(D);
    if (F)
      Enclosing.pop_back();
    if (Anchor)
      Anchors.pop_back();
    return Result;
  }

  /// Reports the COSM_ASYNC definitions in \p D, a declaration of a user's
  /// header (system headers have none), through its namespaces and classes.
  void refuseDefinitionsIn(Decl *D) {
    const SourceManager &SM = Context.getSourceManager();
    if (SM.isInSystemHeader(SM.getExpansionLoc(D->getLocation())))
      return;
    if (auto *Template = dyn_cast<TemplateDecl>(D))
      if (Decl *Pattern = Template->getTemplatedDecl())
        D = Pattern;
    if (auto *F = dyn_cast<FunctionDecl>(D)) {
      if (F->doesThisDeclarationHaveABody() && isAsync(F))
        report(Context.getDiagnostics(), F->getLocation(), Diag::Unsupported,
               "a COSM_ASYNC function defined in an included file (cosm-lower "
               "rewrites only the source it is given: define the function "
               "in a source file, declare it in the header)");
      return;
    }
    if (isa<NamespaceDecl, CXXRecordDecl, LinkageSpecDecl>(D))
      for (Decl *Inner : cast<DeclContext>(D)->decls())
        refuseDefinitionsIn(Inner);
  }

  bool TraverseLambdaExpr(LambdaExpr *L) {
    Enclosing.push_back(L->getCallOperator());
    bool Result = RecursiveASTVisitor::TraverseLambdaExpr(L);
    Enclosing.pop_back();
    if (isAsync(L->getCallOperator()) && !Anchors.empty())
      Found.Lambdas.push_back({L, Anchors.back()});
    return Result;
  }

  // An init-capture is evaluated by the function around the lambda.
  bool TraverseLambdaCapture(LambdaExpr *L, const LambdaCapture *C,
                             Expr *Init) {
    const FunctionDecl *Lambda = Enclosing.back();
    Enclosing.pop_back();
    bool Result = RecursiveASTVisitor::TraverseLambdaCapture(L, C, Init);
    Enclosing.push_back(Lambda);
    return Result;
  }

  bool VisitCallExpr(CallExpr *Call) {
    if (!asAwait(Call) || Enclosing.empty())
      return true;
    const FunctionDecl *F = Enclosing.back();
    if (isAsync(F))
      return true;
    DiagnosticsEngine &Diags = Context.getDiagnostics();
    report(Diags, Call->getBeginLoc(), Diag::AwaitOutsideAsync)
        << Call->getSourceRange();
    if (!isa<CXXMethodDecl>(F) ||
        !cast<CXXMethodDecl>(F)->getParent()->isLambda())
      report(Diags, F->getOuterLocStart(), Diag::AddAsyncNote)
          << FixItHint::CreateInsertion(F->getOuterLocStart(), "COSM_ASYNC ");
    return true;
  }

  AsyncDefinitions Found;

private:
  ASTContext &Context;
  std::vector<const FunctionDecl *> Enclosing;
  std::vector<const Decl *> Anchors;
};
} // namespace

AsyncDefinitions findAsyncDefinitions(ASTContext &Context) {
  Finder F(Context);
  F.TraverseDecl(Context.getTranslationUnitDecl());
  return std::move(F.Found);
}

} // namespace cosm
