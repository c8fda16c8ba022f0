//===- analyse/Refusals.cpp - What a frame cannot hold or run -------------===//
//
// The checks that refuse an async function before it is lowered: a
// signature no frame can stand for, a frame nested in a class that is
// still incomplete there, and the constructs in the body no suspension can
// cross. Each reports at the construct, with what to write instead.
//
//===----------------------------------------------------------------------===//

#include "analyse/FunctionPlan.h"
#include "find/AsyncFinder.h"
#include "support/Diagnostics.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"

using namespace clang;

namespace cosm {
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

} // namespace

const CXXRecordDecl *holdsByValue(QualType Type,
                                  ArrayRef<const CXXRecordDecl *> Classes) {
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

/// What to write instead of \p F, defined in its class. (A member that can
/// be defined out of line is moved there before it is lowered:
/// driver/InClassMembers.h.)
static const char *inClassHint(const FunctionDecl *F) {
  const auto *Class = cast<CXXRecordDecl>(F->getLexicalDeclContext());
  return Class->isLocalClass() ? " (declare the class outside the function)"
                               : " (define it out of line, after the class)";
}

bool FunctionPlan::checkSignature(QualType Result) {
  DiagnosticsEngine &Diags = Context.getDiagnostics();
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
  if (const CXXRecordDecl *Class = heldIncomplete(Result, F)) {
    bool Itself = Result.getCanonicalType()->getAsCXXRecordDecl() == Class;
    report(Diags, F->getLocation(), Diag::Unsupported,
           std::string("a COSM_ASYNC ") + inClassKind(F) +
               (Itself ? std::string(" whose result is the class itself")
                       : " whose result holds the class '" +
                             Class->getNameAsString() + "' by value") +
               inClassHint(F));
    return false;
  }
  if (Lambda && Result->isDependentType() &&
      !Lambda->getLambdaClass()->isDependentContext()) {
    report(Diags, F->getLocation(), Diag::Unsupported,
           "a generic COSM_ASYNC lambda whose result type depends on its "
           "'auto' parameters");
    return false;
  }
  return true;
}

bool FunctionPlan::checkHeldClasses() const {
  // Nor can it hold a parameter or a local of such a type.
  for (const auto *Vars : {&Params, &Locals})
    for (const FrameVar &V : *Vars)
      if (V.Store == Storage::Plain || V.Store == Storage::Object)
        if (const CXXRecordDecl *Class = heldIncomplete(V.Decl->getType(), F)) {
          report(Context.getDiagnostics(), V.Decl->getLocation(),
                 Diag::Unsupported,
                 std::string("a COSM_ASYNC ") + inClassKind(F) +
                     " that keeps '" + V.Decl->getNameAsString() +
                     "', which holds the class '" + Class->getNameAsString() +
                     "' by value, across a suspension" + inClassHint(F));
          return false;
        }
  return true;
}

bool FunctionPlan::checkBody(const Stmt *Body) const {
  Checker Check(*this, Context.getDiagnostics());
  Check.TraverseStmt(const_cast<Stmt *>(Body));
  return !Check.Failed;
}

} // namespace cosm
