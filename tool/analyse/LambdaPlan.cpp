//===- analyse/LambdaPlan.cpp - The frame of a COSM_ASYNC lambda ----------===//
///
/// \file
/// A COSM_ASYNC lambda's frame is an ordinary frame whose first parameters
/// are the lambda's captures: calling the lambda copies its by-value
/// captures into the frame, so the task outlives the closure safely (C++20
/// keeps them in the closure: C++ Core Guidelines CP.51). By-reference
/// captures stay references, as in the lambda.
///
//===----------------------------------------------------------------------===//

#include "analyse/FunctionPlan.h"
#include "find/AsyncFinder.h"
#include "support/Diagnostics.h"
#include "support/LLVMCompat.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"

using namespace clang;

namespace cosm {

const CXXMethodDecl *enclosingMember(const LambdaExpr *L) {
  for (const DeclContext *DC = L->getLambdaClass()->getDeclContext(); DC;
       DC = DC->getParent()) {
    const auto *M = dyn_cast<CXXMethodDecl>(DC);
    if (M && !M->getParent()->isLambda())
      return M;
  }
  return nullptr;
}

/// The function a lambda is written in, through any lambdas around it.
static const FunctionDecl *outerFunction(const LambdaExpr *L) {
  for (const DeclContext *DC = L->getLambdaClass()->getDeclContext(); DC;
       DC = DC->getParent())
    if (const auto *Fn = dyn_cast<FunctionDecl>(DC);
        Fn && !(isa<CXXMethodDecl>(Fn) &&
                cast<CXXMethodDecl>(Fn)->getParent()->isLambda()))
      return Fn;
  return nullptr;
}

/// A COSM_ASYNC lambda in a member defined out of line: its frame is a
/// member class too (it shares the member's access), declared in the class
/// and defined, under the member's class headers, before the member.
bool FunctionPlan::inheritOutOfLine() {
  const auto *M = dyn_cast_or_null<CXXMethodDecl>(outerFunction(Lambda));
  if (!M || !M->isOutOfLine() ||
      isHeaderClassMember(M, Context.getSourceManager()))
    return true;
  OutOfLineMember = M;
  FrameQualifier = classQualifier(M);
  for (unsigned I = 0; I < M->getNumTemplateParameterLists(); ++I) {
    auto Header = Text.span(M->getTemplateParameterList(I)->getSourceRange());
    if (!Header) {
      report(Context.getDiagnostics(), M->getLocation(), Diag::InMacro,
             "this template header");
      return false;
    }
    OuterHeaders += Text.original(*Header).str() + "\n";
  }
  return true;
}

/// A COSM_ASYNC lambda in a template. In a function template (a member
/// template too) its frame is a template under the function's own header,
/// named with the function's parameters (left open for the lambda's own
/// `auto` parameters); in a member of a class template it is a member of
/// the class template, whose parameters are in scope.
bool FunctionPlan::inheritTemplate() {
  const FunctionDecl *Outer = outerFunction(Lambda);
  const FunctionTemplateDecl *Template =
      Outer ? Outer->getDescribedFunctionTemplate() : nullptr;
  if (!Template)
    return true;
  if (!repeatTemplate(Template->getTemplateParameters(), Outer->getLocation()))
    return false;
  // Both left open (without their `>`) for the lambda's `auto` parameters.
  TemplateHeader = StringRef(TemplateHeader).drop_back().rtrim().str();
  TemplateArgs.pop_back();
  OwnParamsFirst = Template->getTemplateParameters()->hasParameterPack();
  OwnParamAt = {TemplateHeader.find('<') + 1, 1};
  return true;
}

bool FunctionPlan::planLambda(const llvm::StringSet<> &Base) {
  DiagnosticsEngine &Diags = Context.getDiagnostics();
  auto Refuse = [&](SourceLocation Loc, const std::string &What) {
    report(Diags, Loc, Diag::Unsupported, What);
    return false;
  };
  const CXXRecordDecl *Closure = Lambda->getLambdaClass();
  if (Closure->isDependentContext() && !inheritTemplate())
    return false;
  if (!inheritOutOfLine())
    return false;
  if (const FunctionTemplateDecl *Template = F->getDescribedFunctionTemplate())
    for (const NamedDecl *P : *Template->getTemplateParameters())
      if (!P->isImplicit())
        return Refuse(P->getLocation(),
                      "a COSM_ASYNC lambda with a template parameter list");
  // Params point into it: filled once, never resized.
  LambdaCaptures = capturesOf(Lambda);
  for (const LambdaCapture &C : LambdaCaptures) {
    if (C.capturesThis()) {
      const CXXMethodDecl *M = enclosingMember(Lambda);
      if (!M)
        return Refuse(C.getLocation(),
                      "a COSM_ASYNC lambda that captures 'this' outside a "
                      "member function");
      // In a lowered member, `this` is its frame; the capture becomes
      // `self = self`, a copy of the frame's pointer to the object, or for
      // `*this` a copy of the object (see ReferenceRewriter::captureThis).
      LambdaSelf = isAsync(M) ? selfNameFor(M) : "this";
      SelfType = classType(M->getParent());
      SelfCopy = C.getCaptureKind() == LCK_StarThis;
      if (SelfCopy && M->getLexicalDeclContext() == M->getParent()) {
        if (!TemplateHeader.empty())
          return Refuse(C.getLocation(),
                        "a COSM_ASYNC lambda that captures '*this' in a "
                        "member template defined in its class");
        // The frame is then nested in the class, which is incomplete there:
        // the frame becomes a template on the class, so that its copy is
        // laid out where the lambda is called, as the closure's is.
        std::string Param = freshName("Self");
        Taken.insert(Param);
        TemplateHeader = "template <class " + Param;
        TemplateArgs = "<" + SelfType;
        SelfType = Param;
      }
      // The copy of `[*this]` is const unless the lambda is mutable.
      if (SelfCopy ? !Lambda->isMutable() : M->isConst())
        SelfType = "const " + SelfType;
      continue;
    }
    const auto *V =
        C.capturesVariable() ? dyn_cast<VarDecl>(C.getCapturedVar()) : nullptr;
    if (!V)
      return Refuse(C.getLocation(),
                    "a COSM_ASYNC lambda that captures this kind of entity");
    // A class cannot have a pack of members: a captured pack is kept whole
    // in a tuple, as a function's parameter pack is, and the body sees a
    // pack again. By value, its elements are copied as declared.
    const auto *Pack = V->getType()->getAs<PackExpansionType>();
    if (V->isParameterPack() && (!Pack || !PackResume.empty() ||
                                 (C.getCaptureKind() != LCK_ByRef &&
                                  Pack->getPattern()->isReferenceType())))
      return Refuse(C.getLocation(),
                    "a COSM_ASYNC lambda that captures the parameter pack '" +
                        V->getNameAsString() +
                        "' (pass its elements as the lambda's arguments, or "
                        "capture a std::tuple of them)");
    // Its initialiser may name locals the frame cannot see.
    if (V->isInitCapture() && dependentAuto(V->getType()))
      return Refuse(C.getLocation(),
                    "a COSM_ASYNC lambda in a template with an init-capture "
                    "whose type depends on a template parameter (capture a "
                    "local of a written type)");
    FrameVar Member;
    Member.Decl = V;
    Member.Capture = &C;
    QualType Type = V->getType().getNonReferenceType();
    if (C.getCaptureKind() == LCK_ByRef) {
      Member.Store = Storage::Ref;
      Member.Type = memberType(Context.getLValueReferenceType(Type));
    } else {
      // A constructor parameter of array type is a pointer.
      if (Type->isArrayType())
        return Refuse(C.getLocation(),
                      "a COSM_ASYNC lambda that captures the array '" +
                          V->getNameAsString() +
                          "' by value (capture a std::array, or the array "
                          "by reference)");
      if (!copyable(Type))
        return Refuse(C.getLocation(),
                      "a COSM_ASYNC lambda that captures by value an object "
                      "that cannot be copied (each call copies the captures "
                      "into its frame; capture a std::shared_ptr or by "
                      "reference)");
      Member.Store = Storage::Plain;
      Member.Type = memberType(Type.getUnqualifiedType());
    }
    Member.Name = Base.contains(V->getName()) ? freshName(V->getName())
                                              : V->getName().str();
    if (Pack) {
      QualType Element = Pack->getPattern();
      // By reference, `Ts &&...` is kept as `Ts &` (no reference to one).
      if (Member.Store == Storage::Ref)
        Element = Context.getLValueReferenceType(Element.getNonReferenceType());
      Member.Type = memberType(Element);
      Member.PackMember = freshName(Member.Name + "_pack");
      PackResume = freshName("resume_pack");
    }
    ParamIndex[V] = Params.size();
    Params.push_back(std::move(Member));
  }
  return true;
}

namespace {
/// Finds a type declared in a function other than the lambda's own call
/// operator: the frame, defined outside that function, cannot name it.
class OuterLocalType : public RecursiveASTVisitor<OuterLocalType> {
public:
  explicit OuterLocalType(const DeclContext *Inside) : Inside(Inside) {}
  bool Found = false;
  bool VisitTypedefType(TypedefType *T) { return check(T->getDecl()); }
  bool VisitTagType(TagType *T) { return check(T->getDecl()); }

private:
  bool check(const Decl *D) {
    const DeclContext *DC = D->getDeclContext();
    if (DC->isFunctionOrMethod() && !Inside->Encloses(DC))
      Found = true;
    return !Found;
  }
  const DeclContext *Inside;
};
} // namespace

bool FunctionPlan::checkLambdaTypes() {
  auto Check = [&](const FrameVar &V, const char *What) {
    QualType Type = V.Decl->getType();
    OuterLocalType Sugared(F), Canonical(F);
    Sugared.TraverseType(Type);
    Canonical.TraverseType(Type.getCanonicalType());
    if (!Sugared.Found && !Canonical.Found)
      return true;
    // A capture is pointed at in the capture list, not at the variable.
    report(Context.getDiagnostics(),
           V.Capture ? V.Capture->getLocation() : V.Decl->getLocation(),
           Diag::Unsupported,
           std::string("a COSM_ASYNC lambda whose ") + What +
               " has a type declared in the function around it (declare "
               "the type outside the function)");
    return false;
  };
  for (const FrameVar &V : Params)
    if (!Check(V, V.Capture ? "capture" : "parameter"))
      return false;
  for (const FrameVar &V : Locals) {
    if (!Check(V, "local"))
      return false;
    // A local's type written with the `auto` parameters' types (not a
    // deduced `auto`, which the frame names through its initialiser) has no
    // name in the frame.
    if (namesAutoParameter(V.Decl->getType()) && !V.DeducedFrom) {
      report(Context.getDiagnostics(), V.Decl->getLocation(), Diag::Unsupported,
             "a local of a generic COSM_ASYNC lambda whose type depends on "
             "its 'auto' parameters and that lives across a suspension");
      return false;
    }
  }
  return true;
}

} // namespace cosm
