//===- analyse/ClosurePlan.cpp - Lambdas kept across a suspension ---------===//
///
/// \file
/// A lambda stored in a local that lives across a suspension must be a frame
/// member, but its closure type has no name in C++17. It is lifted into a
/// named function object nested in the frame, as C++ Insights shows lambdas:
/// one member per capture, the body as the call operator's. The lambda
/// expression becomes the object's aggregate initialisation, in capture
/// order, which is the order the lambda initialised its captures in.
///
//===----------------------------------------------------------------------===//

#include "analyse/FunctionPlan.h"
#include "support/Diagnostics.h"
#include "clang/AST/APValue.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/TypeLoc.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/SetVector.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Regex.h"

using namespace clang;

namespace cosm {

const LambdaExpr *lambdaIn(const Expr *Init) {
  while (Init) {
    Init = Init->IgnoreImplicit();
    if (const auto *L = dyn_cast<LambdaExpr>(Init))
      return L;
    const auto *Copy = dyn_cast<CXXConstructExpr>(Init);
    if (!Copy || Copy->getNumArgs() != 1)
      return nullptr;
    Init = Copy->getArg(0);
  }
  return nullptr;
}

bool containsLambda(const Stmt *S) {
  struct Finder : RecursiveASTVisitor<Finder> {
    bool Found = false;
    bool VisitLambdaExpr(LambdaExpr *) { return !(Found = true); }
  } F;
  F.TraverseStmt(const_cast<Stmt *>(S));
  return F.Found;
}

std::string FunctionPlan::liftClosure(const VarDecl *D) {
  // Named once the names the function uses are known (see analyse()).
  if (const LambdaExpr *L = lambdaIn(D->getInit()))
    Closures.push_back({D, L, "", ""});
  return "";
}

namespace {
std::string liftedConstant(const VarDecl *V, ASTContext &Context);

/// What the lifted body would lose: a local of the function it reads
/// without capturing it (a constant), a type declared in the function.
/// A constant of an arithmetic type is kept: the lifted object declares it
/// again (see liftedConstant).
class OuterReferences : public RecursiveASTVisitor<OuterReferences> {
public:
  OuterReferences(const LambdaExpr *L, llvm::ArrayRef<LambdaCapture> Captures)
      : L(L), Captures(Captures) {}
  const NamedDecl *Found = nullptr;
  llvm::SetVector<const VarDecl *> Constants;

  bool VisitDeclRefExpr(DeclRefExpr *E) {
    const auto *V = dyn_cast<VarDecl>(E->getDecl());
    if (V && outside(V) && !captured(V)) {
      if (!liftedConstant(V, L->getCallOperator()->getASTContext()).empty())
        Constants.insert(V);
      else
        Found = V;
    }
    return !Found;
  }
  bool VisitTagTypeLoc(TagTypeLoc TL) { return type(TL.getDecl()); }
  bool VisitTypedefTypeLoc(TypedefTypeLoc TL) {
    return type(TL.getTypePtr()->getDecl());
  }

private:
  bool outside(const Decl *D) const {
    const DeclContext *DC = D->getDeclContext();
    return DC->isFunctionOrMethod() && !L->getCallOperator()->Encloses(DC);
  }
  bool captured(const VarDecl *V) const {
    for (const LambdaCapture &C : Captures)
      if (C.capturesVariable() && C.getCapturedVar() == V)
        return true;
    return false;
  }
  bool type(const NamedDecl *D) {
    if (D && outside(D))
      Found = D;
    return !Found;
  }
  const LambdaExpr *L;
  llvm::ArrayRef<LambdaCapture> Captures;
};

/// The lifted object's `static constexpr` copy of \p V, a constant of an
/// arithmetic type that a lambda reads without capturing (C++ allows it:
/// reading its value is no odr-use), or "" if it has none. Its value is
/// written out, exactly: its initialiser may name other locals.
std::string liftedConstant(const VarDecl *V, ASTContext &Context) {
  const auto *Builtin = V->getType()->getAs<BuiltinType>();
  if (!Builtin || !V->getType().isConstQualified() || !V->getInit() ||
      V->getType()->isReferenceType() ||
      !V->isUsableInConstantExpressions(Context))
    return "";
  const APValue *Value = V->evaluateValue();
  if (!Value)
    return "";
  std::string Text;
  if (Builtin->getKind() == BuiltinType::Bool && Value->isInt())
    Text = Value->getInt().getBoolValue() ? "true" : "false";
  else if (Builtin->isInteger() && Value->isInt()) {
    const llvm::APSInt &I = Value->getInt();
    llvm::APSInt Wide = I.extend(64);
    if (I.isUnsigned())
      Text = llvm::toString(Wide, 10) + "ull";
    else if (Wide.isMinSignedValue())
      Text = "(-9223372036854775807ll - 1)";
    else
      Text = llvm::toString(Wide, 10) + "ll";
  } else if (Builtin->isFloatingPoint() && Value->isFloat()) {
    // Hexadecimal: exact, and no rounding in the conversion back.
    const llvm::APFloat &F = Value->getFloat();
    if (!F.isFinite())
      return "";
    char Buffer[64];
    F.convertToHexString(Buffer, 0, false, llvm::APFloat::rmNearestTiesToEven);
    Text = Buffer;
    if (Builtin->getKind() == BuiltinType::Float)
      Text += "f";
    else if (Builtin->getKind() == BuiltinType::LongDouble)
      Text += "l";
    else if (Builtin->getKind() != BuiltinType::Double)
      return "";
  } else
    return "";
  // A literal keeps its spelling.
  const Expr *Init = V->getInit()->IgnoreImpCasts();
  if (const auto *Minus = dyn_cast<UnaryOperator>(Init);
      Minus && Minus->getOpcode() == UO_Minus)
    Init = Minus->getSubExpr()->IgnoreImpCasts();
  if (isa<IntegerLiteral, FloatingLiteral, CXXBoolLiteralExpr,
          CharacterLiteral>(Init) &&
      V->getInit()->getBeginLoc().isFileID() && Init->getEndLoc().isFileID())
    Text = Lexer::getSourceText(
               CharSourceRange::getTokenRange(V->getInit()->getBeginLoc(),
                                              Init->getEndLoc()),
               Context.getSourceManager(), Context.getLangOpts())
               .str();
  return "static constexpr " +
         V->getType().getCanonicalType().getUnqualifiedType().getAsString(
             Context.getPrintingPolicy()) +
         " " + V->getName().str() + " = " + Text + ";\n";
}

/// The constants of the function \p L reads without capturing them.
llvm::SetVector<const VarDecl *> outerConstants(const LambdaExpr *L) {
  std::vector<LambdaCapture> Captures = capturesOf(L);
  OuterReferences Outer(L, Captures);
  Outer.TraverseStmt(L->getBody());
  return Outer.Constants;
}
} // namespace

bool FunctionPlan::canLift(const LambdaExpr *L, StringRef What) const {
  DiagnosticsEngine &Diags = Context.getDiagnostics();
  auto Refuse = [&](SourceLocation Loc, const std::string &Why) {
    report(Diags, Loc, Diag::Unsupported, (What + " " + Why).str());
    return false;
  };
  std::vector<LambdaCapture> Captures = capturesOf(L);
  for (const LambdaCapture &Capture : Captures) {
    // The lifted object nests in a frame nested in the class, where the
    // class is incomplete and cannot be copied into a member.
    if (Capture.capturesThis() && Capture.getCaptureKind() == LCK_StarThis)
      if (const CXXMethodDecl *M = enclosingMember(L);
          M && M->getLexicalDeclContext() == M->getParent())
        return Refuse(Capture.getLocation(),
                      "and captures '*this' in a member function defined in "
                      "its class (define the function outside the class)");
    const auto *V = Capture.capturesVariable()
                        ? dyn_cast<VarDecl>(Capture.getCapturedVar())
                        : nullptr;
    if (!Capture.capturesThis() && (!V || V->getType()->isArrayType()))
      return Refuse(Capture.getLocation(),
                    "and captures an array or a structured binding");
    // Its member would be of the other closure's type, which has no name
    // (in a template, a type that is still `auto` or dependent may be one:
    // its initialiser says; a `std::function` made from a lambda is not).
    if (const auto *Record =
            V ? V->getType().getNonReferenceType()->getAsCXXRecordDecl()
              : nullptr;
        (Record && Record->isLambda()) ||
        (V && V->getInit() &&
         (V->getType()->isDependentType() ||
          V->getType()->getContainedDeducedType()) &&
         lambdaIn(V->getInit())))
      return Refuse(Capture.getLocation(),
                    "and captures another lambda (capture a std::function "
                    "holding it)");
    if (V && V->isInitCapture() && dependentAuto(V->getType()))
      return Refuse(Capture.getLocation(),
                    "and has an init-capture whose type depends on a template "
                    "parameter (capture a local of a written type)");
  }
  const CXXMethodDecl *Call = L->getCallOperator();
  if (const FunctionTemplateDecl *Template =
          Call->getDescribedFunctionTemplate())
    for (const NamedDecl *P : *Template->getTemplateParameters())
      if (!P->isImplicit() || P->isParameterPack())
        return Refuse(P->getLocation(),
                      "and has a template parameter list or a pack");
  if (!Text.span(L->getSourceRange())) {
    report(Diags, L->getBeginLoc(), Diag::InMacro, "this lambda");
    return false;
  }
  OuterReferences Outer(L, Captures);
  // The body and the signature: the captures' initialisers stay in the
  // function, where the object is made.
  Outer.TraverseStmt(L->getBody());
  if (TypeSourceInfo *Signature = Call->getTypeSourceInfo())
    Outer.TraverseTypeLoc(Signature->getTypeLoc());
  if (!Outer.Found && LocalFrame && !Outer.Constants.empty())
    Outer.Found = Outer.Constants.front();
  if (Outer.Found)
    return Refuse(L->getBeginLoc(),
                  "and uses '" + Outer.Found->getNameAsString() +
                      "' of the function around it without capturing it");
  return true;
}

bool FunctionPlan::checkClosures() {
  for (const LiftedClosure &C : Closures)
    if (!canLift(C.Lambda,
                 "a lambda stored in a local that lives across a suspension"))
      return false;
  return true;
}

FunctionPlan::Lifted
FunctionPlan::lift(const LambdaExpr *L, const std::string &Name,
                   llvm::function_ref<std::string(StringRef)> Fresh,
                   bool *NamesLocal) const {
  const CXXMethodDecl *Call = L->getCallOperator();
  std::string Members, Inits, PackTuple, Unpack;
  auto Add = [&](const std::string &Type, const std::string &Member,
                 const std::string &Init) {
    Members += Type + " " + Member + ";\n";
    Inits += (Inits.empty() ? "" : ", ") + Init;
  };
  // A member named like the type it or another member is declared with
  // (`Config &Config;`) would change the name's meaning in the class: the
  // type is named from the global scope instead.
  llvm::StringSet<> MemberNames;
  for (const LambdaCapture &Capture : capturesOf(L))
    if (Capture.capturesVariable())
      MemberNames.insert(Capture.getCapturedVar()->getName());
  auto MemberType = [&](QualType Type) {
    std::string Text = typeText(Type, NamesLocal);
    size_t Lead = StringRef(Text).starts_with("const ") ? 6 : 0;
    size_t End = Lead;
    while (End < Text.size() && (isAlphanumeric(Text[End]) || Text[End] == '_'))
      ++End;
    if (MemberNames.contains(StringRef(Text).slice(Lead, End)))
      Text.insert(Lead, "::");
    return Text;
  };
  for (const LambdaCapture &Capture : capturesOf(L)) {
    if (Capture.capturesThis() && Capture.getCaptureKind() == LCK_StarThis) {
      // A copy of the object, which the body reaches through `self->` as
      // the rest of resume() reaches the object; const unless mutable.
      std::string Object = SelfType;
      if (!L->isMutable() && !StringRef(Object).starts_with("const "))
        Object = "const " + Object;
      std::string Copy = "cosm::ThisCopy<" + Object + ">";
      Add(Copy, SelfName, Copy + "(*" + SelfName + ")");
      continue;
    }
    if (Capture.capturesThis()) {
      Add(SelfType + " *", SelfName, SelfName);
      continue;
    }
    const auto *V = cast<VarDecl>(Capture.getCapturedVar());
    std::string Member = V->getName().str();
    if (V->isInitCapture()) {
      auto Init = Text.span(V->getInit()->getSourceRange());
      Add(MemberType(V->getType()), Member, Init ? Text.render(*Init) : Member);
      continue;
    }
    std::string Value = Member;
    if (const FrameVar *FV = frameVar(V))
      Value = FV->Store == Storage::Pointer ? "*" + FV->Name : FV->Name;
    if (const auto *Pack = V->getType()->getAs<PackExpansionType>()) {
      // A class has no pack of members: a tuple holds the elements, which
      // the body sees as a pack again (see Unpack below).
      std::string Element = typeText(Pack->getPattern(), NamesLocal);
      if (Capture.getCaptureKind() == LCK_ByRef)
        Element = "std::remove_reference_t<" + Element + "> &";
      PackTuple = Fresh(Member + "_pack");
      Unpack = "std::apply([&](auto &..." + Member + ")";
      std::string Tuple = "std::tuple<" + Element + "...>";
      Add(Tuple, PackTuple, Tuple + "(" + Value + "...)");
      continue;
    }
    QualType Type = V->getType().getNonReferenceType();
    if (Capture.getCaptureKind() == LCK_ByRef)
      Add(MemberType(Type) + " &", Member, Value);
    else
      Add(MemberType(Type.getUnqualifiedType()), Member, Value);
  }
  // The call operator: `auto` parameters become the template's.
  std::string Template, Params;
  llvm::Regex Auto("(^|[^A-Za-z0-9_])auto([^A-Za-z0-9_]|$)");
  for (const ParmVarDecl *P : Call->parameters()) {
    auto Where = Text.span(P->getSourceRange());
    std::string Param = Where ? Text.render(*Where) : "";
    if (namesAutoParameter(P->getType())) {
      std::string Arg = Fresh("Arg_" + P->getName().str());
      Template += (Template.empty() ? "template <class " : ", class ") + Arg;
      Param = Auto.sub("\\1" + Arg + "\\2", Param);
    }
    Params += (Params.empty() ? "" : ", ") + Param;
  }
  std::string Tail;
  if (const TypeSourceInfo *Info = Call->getTypeSourceInfo())
    if (auto Proto =
            Info->getTypeLoc().IgnoreParens().getAs<FunctionProtoTypeLoc>())
      if (auto After = Text.offset(Proto.getRParenLoc()))
        if (auto Body = Text.offset(L->getBody()->getBeginLoc());
            Body && *After < *Body)
          Tail = Text.render({*After + 1, *Body});
  // What the lambda says after its parameters, but `mutable` (the
  // operator is then not const) and `constexpr` (which goes first).
  bool Constexpr = Call->isConstexpr() && L->hasExplicitParameters() &&
                   llvm::StringRef(Tail).contains("constexpr");
  for (const char *Word : {"mutable", "constexpr"}) {
    llvm::Regex Specifier(std::string("(^|[^A-Za-z0-9_])") + Word +
                          "([^A-Za-z0-9_]|$)");
    Tail = Specifier.sub("\\1\\2", Tail);
  }
  auto Body = Text.span(L->getBody()->getSourceRange());
  std::string Code = Body ? Text.render(*Body) : "{}";
  if (!Unpack.empty())
    Code = "{\nreturn " + Unpack + " " + Code + ", " + PackTuple + ");\n}";
  // The constants it reads, declared again (the function's are not in
  // scope in the lifted object).
  std::string Constants;
  for (const VarDecl *V : outerConstants(L))
    Constants += liftedConstant(V, Context);
  Lifted Result;
  Result.Code = "struct " + Name + " {\n" + Constants + Members +
                (Template.empty() ? "" : Template + ">\n") +
                (Constexpr ? "constexpr " : "") + "auto operator()(" + Params +
                ")" + (Call->isConst() ? " const" : "") +
                llvm::StringRef(Tail).rtrim().str() + " " + Code + "\n};\n";
  Result.Init = Name + "{" + Inits + "}";
  return Result;
}

void FunctionPlan::printClosures() {
  for (LiftedClosure &C : Closures) {
    Lifted L = lift(
        C.Lambda, C.Name, [&](StringRef Stem) { return freshName(Stem); },
        &NamesLocalType);
    C.Code = "// The lambda in `" + C.Local->getName().str() +
             "`, lifted into a named function object: a frame member needs "
             "a type with a name.\n" +
             L.Code;
    if (auto Where = Text.span(C.Lambda->getSourceRange()))
      Text.replace(*Where, L.Init);
  }
}

} // namespace cosm
