//===- analyse/References.cpp - How the body names frame members ---------===//
//
// The body is copied into the frame's resume function: a parameter or local
// that lives in the frame becomes a member, `this` becomes the self pointer,
// and a local type is named from outside the function. This pass edits those
// references in the copied text, nothing else.
//
//===----------------------------------------------------------------------===//

#include "analyse/FunctionPlan.h"
#include "support/Diagnostics.h"
#include "support/LLVMCompat.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/NestedNameSpecifier.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Lex/Lexer.h"

using namespace clang;

namespace cosm {
namespace {
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
    // Inside a lambda of the body the name denotes that lambda's capture,
    // rewritten below; in a COSM_ASYNC lambda's own body, its frame member.
    if ((E->refersToEnclosingVariableOrCapture() &&
         (LambdaDepth > 0 || !Plan.Lambda)) ||
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
      replace(E->getLocation(), globalName(D), D->getName());
    return true;
  }

  /// The same for a call that depends on a template parameter (`finish(x)`
  /// with `x` of type `T`): qualified by the namespace of the functions it
  /// found (which leaves out those only argument-dependent lookup finds).
  bool VisitUnresolvedLookupExpr(UnresolvedLookupExpr *E) {
    if (E->getQualifier() || !E->getName().isIdentifier() ||
        !MemberNames.contains(E->getName().getAsString()) || E->decls().empty())
      return true;
    const DeclContext *Scope = nullptr;
    for (const NamedDecl *D : E->decls()) {
      const DeclContext *Here =
          D->getUnderlyingDecl()->getDeclContext()->getRedeclContext();
      if (!Here->isFileContext() || (Scope && !Scope->Equals(Here)))
        return true;
      Scope = Here;
    }
    replace(E->getNameLoc(), globalName(*E->decls_begin()),
            E->getName().getAsString());
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
        insert(accessLoc(E->getQualifierLoc(), E->getMemberLoc()),
               Plan.SelfName + "->", E->getMemberDecl()->getName());
    return true;
  }
  /// `Base::name()` reads `self->Base::name()`: the object goes first.
  static SourceLocation accessLoc(NestedNameSpecifierLoc Qualifier,
                                  SourceLocation Member) {
    return Qualifier ? Qualifier.getBeginLoc() : Member;
  }

  bool VisitCXXDependentScopeMemberExpr(CXXDependentScopeMemberExpr *E) {
    if (E->isImplicitAccess())
      insert(accessLoc(E->getQualifierLoc(), E->getMemberLoc()),
             Plan.SelfName + "->", E->getMember().getAsString());
    return true;
  }
  /// `Counter<T>::get()` in a class template naming its dependent base:
  /// a member of the object, reached through `self` as above.
  bool VisitDependentScopeDeclRefExpr(DependentScopeDeclRefExpr *E) {
    const auto *Member = dyn_cast<CXXMethodDecl>(Plan.function());
    const Type *Qualifier = qualifierType(E->getQualifierLoc());
    if (!Member || Member->isStatic() || !Qualifier || LambdaDepth > 0)
      return true;
    CanQualType Named = Qualifier->getCanonicalTypeUnqualified();
    for (const CXXBaseSpecifier &Base : Member->getParent()->bases())
      if (Base.getType()->getCanonicalTypeUnqualified() == Named) {
        insert(E->getQualifierLoc().getBeginLoc(), Plan.SelfName + "->",
               E->getDeclName().getAsString());
        break;
      }
    return true;
  }
  bool VisitUnresolvedMemberExpr(UnresolvedMemberExpr *E) {
    if (E->isImplicitAccess())
      insert(accessLoc(E->getQualifierLoc(), E->getMemberLoc()),
             Plan.SelfName + "->", E->getMemberName().getAsString());
    return true;
  }

  /// A class declared in the function has its own `this`.
  bool TraverseCXXRecordDecl(CXXRecordDecl *D) {
    return !D->isLambda() ||
           RecursiveASTVisitor<ReferenceRewriter>::TraverseCXXRecordDecl(D);
  }

  bool TraverseLambdaExpr(LambdaExpr *L) {
    ++LambdaDepth;
    bool Result = RecursiveASTVisitor<ReferenceRewriter>::TraverseLambdaExpr(L);
    --LambdaDepth;
    return Result;
  }

  /// `__func__` would name resume(): the function's name is written out
  /// (a macro that uses it is expanded first, driver/MacroExpansion).
  bool VisitPredefinedExpr(PredefinedExpr *E) {
    PredefinedIdentKind Kind = E->getIdentKind();
    if (Kind != PredefinedIdentKind::Func &&
        Kind != PredefinedIdentKind::Function &&
        Kind != PredefinedIdentKind::PrettyFunction)
      return true;
    auto Where = Text.span(E->getLocation());
    if (!Where)
      return true;
    // In a template the name is not computed yet; it is the function's
    // plain name (a lambda inside keeps its own `operator()`). Its pretty
    // name is left to the compiler: it would name resume().
    std::string Name;
    if (const StringLiteral *Computed = E->getFunctionName())
      Name = Computed->getString().str();
    else if (Kind == PredefinedIdentKind::PrettyFunction)
      return true;
    else if (LambdaDepth > 0 || Plan.Lambda)
      Name = "operator()";
    else if (Plan.function()->getIdentifier())
      Name = Plan.function()->getName().str();
    else
      return true;
    std::string Quoted = "\"";
    for (char C : Name) {
      if (C == '"' || C == '\\')
        Quoted += '\\';
      Quoted += C;
    }
    Text.replace(*Where, Quoted + "\"");
    return true;
  }

  /// `__LINE__` written in the body is the user's line, not the output's
  /// (without --line-directives). A macro whose text uses it is expanded
  /// first (driver/MacroExpansion).
  bool VisitIntegerLiteral(IntegerLiteral *E) {
    const SourceManager &SM = Text.sourceManager();
    SourceLocation Loc = E->getLocation();
    if (!Loc.isMacroID() ||
        Lexer::getImmediateMacroName(Loc, SM, Text.langOptions()) != "__LINE__")
      return true;
    SourceLocation Written = SM.getImmediateExpansionRange(Loc).getBegin();
    if (Written.isMacroID())
      return true;
    if (auto Where = Text.span(Written))
      Text.replace(*Where, std::to_string(SM.getPresumedLineNumber(Written)));
    return true;
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
      // A pack is resume_pack()'s parameter pack, named as in the source.
      if (!FV || V->isInitCapture() || V->isParameterPack())
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
  /// How many lambdas of the body the traversal is inside.
  unsigned LambdaDepth = 0;

  /// True if \p L is written in another lambda of the body: its captures
  /// name that lambda's, which keep the source's names.
  bool inOtherLambda(const LambdaExpr *L) const {
    const auto *M =
        dyn_cast<CXXMethodDecl>(L->getLambdaClass()->getDeclContext());
    return M && M->getParent()->isLambda() &&
           (!Plan.Lambda || M != Plan.Lambda->getCallOperator());
  }

  /// In resume() `this` is the frame; the object is `self`, a member, which
  /// a lambda cannot capture by name. It captures a copy of the pointer
  /// instead (or, for `[*this]`, a copy of the object that `self->` reaches
  /// as well), so its body reads as the rest of resume().
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
    Text.replace(*Where, globalName(D));
    return true;
  }

  /// `::ns::name`, without the anonymous and inline namespaces, which a
  /// qualified name looks into.
  static std::string globalName(const NamedDecl *D) {
    PrintingPolicy Policy(D->getASTContext().getLangOpts());
    Policy.SuppressUnwrittenScope = true;
    std::string Name;
    llvm::raw_string_ostream OS(Name);
    D->getUnderlyingDecl()->printQualifiedName(OS, Policy);
    return "::" + OS.str();
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

bool rewriteReferences(const FunctionPlan &Plan, const Stmt *Body,
                       EditedText &Text, const llvm::StringSet<> &MemberNames,
                       DiagnosticsEngine &Diags) {
  ReferenceRewriter Rewriter(Plan, Text, MemberNames, Diags);
  Rewriter.TraverseStmt(const_cast<Stmt *>(Body));
  return !Rewriter.Failed;
}

} // namespace cosm
