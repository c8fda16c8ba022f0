//===- analyse/Types.cpp - Frame member types as code ---------------------===//
//
// A frame member's type is printed so that it means the same at the
// frame's scope as where the user wrote it: the user's spelling when it is
// a plain name, a typedef rather than the library's internal type, and
// otherwise the canonical type, fully qualified.
//
//===----------------------------------------------------------------------===//

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

/// \p Type with `::` before each global name in it that a member of the
/// frame or its bases would hide (a user's `Frame`, `state`, in
/// `std::vector<state>` too).
static std::string unhidden(const std::string &Type) {
  auto IsWord = [](char C) { return isalnum(C) || C == '_'; };
  std::string Result;
  for (size_t I = 0; I < Type.size();) {
    if (!IsWord(Type[I]) || (I > 0 && IsWord(Type[I - 1]))) {
      Result += Type[I++];
      continue;
    }
    size_t End = I;
    while (End < Type.size() && IsWord(Type[End]))
      ++End;
    StringRef Word(Type.data() + I, End - I);
    if (isBaseName(Word) && !StringRef(Result).ends_with("::"))
      Result += "::";
    Result += Word;
    I = End;
  }
  return Result;
}

namespace {
/// Whether a type's sugar can be printed as it reads at the frame's scope:
/// no `decltype(expr)` (its names may be locals) and nothing declared
/// inside a function.
class SugarCheck : public RecursiveASTVisitor<SugarCheck> {
public:
  bool Portable = true;
  bool Local = false; ///< names a type declared in a function
  bool VisitDecltypeType(DecltypeType *) { return Portable = false; }
  bool VisitTypeOfExprType(TypeOfExprType *) { return Portable = false; }
  bool VisitTypedefType(TypedefType *T) { return check(T->getDecl()); }
  bool VisitTagType(TagType *T) { return check(T->getDecl()); }

private:
  bool check(const Decl *D) {
    if (D->getDeclContext()->isFunctionOrMethod())
      Portable = false, Local = true;
    return true;
  }
};
} // namespace

/// True if \p D, a member, can be named from outside its classes: it and
/// every class around it are public.
static bool reachable(const Decl *D) {
  for (; !D->getDeclContext()->isFileContext();
       D = cast<Decl>(D->getDeclContext())) {
    if (!isa<CXXRecordDecl>(D->getDeclContext()) || D->getAccess() != AS_public)
      return false;
  }
  return true;
}

/// \p Type with its deduced `auto` and substituted template parameters
/// peeled off the top, so that the sugar underneath shows.
static QualType written(QualType Type, const ASTContext &Context) {
  while (true) {
    QualType Bare = withoutElaboration(Type.getLocalUnqualifiedType());
    QualType Next;
    if (const auto *Auto = dyn_cast<AutoType>(Bare.getTypePtr());
        Auto && Auto->isDeduced() && !Auto->getDeducedType().isNull())
      Next = Auto->getDeducedType();
    else if (const auto *Subst =
                 dyn_cast<SubstTemplateTypeParmType>(Bare.getTypePtr()))
      Next = Subst->getReplacementType();
    else
      return Type;
    Type = Context.getQualifiedType(Next, Type.getLocalQualifiers());
  }
}

std::string FunctionPlan::typeText(QualType Type, bool *NamesLocal) const {
  PrintingPolicy Policy(Context.getLangOpts());
  Policy.SuppressUnwrittenScope = true;
  Policy.SuppressTagKeyword = true;
  Policy.FullyQualifiedName = true;
  Policy.SuppressScope = false;
  std::string Text;
  // A typedef at namespace scope (std::string) reads better than what it
  // stands for; so does one in a class (std::vector<int>::iterator), whose
  // canonical type is the library's own (__gnu_cxx::__normal_iterator<...>
  // in libstdc++, std::__wrap_iter<...> in libc++). Anything else prints
  // as its canonical type, which means the same wherever the frame is.
  QualType Sugared = written(Type, Context);
  QualType Bare = withoutElaboration(Sugared.getLocalUnqualifiedType());
  const auto *Typedef = dyn_cast<TypedefType>(Bare.getTypePtr());
  SugarCheck Check;
  Check.TraverseType(Sugared);
  if (NamesLocal)
    *NamesLocal |= Check.Local;
  if (Typedef && Typedef->getDecl()->getDeclContext()->isFileContext()) {
    llvm::raw_string_ostream OS(Text);
    Typedef->getDecl()->printQualifiedName(OS, Policy);
    OS.flush();
    Qualifiers Quals = Sugared.getLocalQualifiers();
    if (!Quals.empty())
      Text = Quals.getAsString() + " " + Text;
  } else if (Type->isDependentType()) {
    Text = Type.getAsString(Policy); // its canonical form names no parameter
  } else if (const auto *Class = Typedef && Check.Portable
                                     ? dyn_cast<CXXRecordDecl>(
                                           Typedef->getDecl()->getDeclContext())
                                     : nullptr;
             Class && !Class->isDependentContext() &&
             reachable(Typedef->getDecl())) {
    // The class as its canonical type (default template arguments left
    // out), then the member's name: `std::vector<int>::iterator`.
    Text = typeText(recordType(Context, Class), NamesLocal) +
           "::" + Typedef->getDecl()->getName().str();
    Qualifiers Quals = Sugared.getLocalQualifiers();
    if (!Quals.empty())
      Text = Quals.getAsString() + " " + Text;
  } else {
    Text = Type.getCanonicalType().getAsString(Policy);
  }
  Text = unhidden(Text);
  // Arrays and function types, and pointers and references to them, do not
  // read as `T name`: name them through an alias so that every member is
  // declared the same way.
  QualType Inner = Type.getNonReferenceType();
  while (Inner->isPointerType() && !Inner->isFunctionPointerType())
    Inner = Inner->getPointeeType();
  if (Inner->isArrayType() || Inner->isFunctionType() ||
      Inner->isFunctionPointerType() || Inner->isMemberPointerType())
    return "cosm::Type<" + Text + ">";
  return Text;
}

/// True if \p Text, the words before a declarator's name, is exactly its
/// type: nothing of an earlier declarator of the same declaration (a ',' or
/// an initialiser outside brackets) and no storage class.
static bool isPlainType(StringRef Text) {
  int Depth = 0;
  for (char C : Text) {
    if (C == '<' || C == '(' || C == '[')
      ++Depth;
    else if (C == '>' || C == ')' || C == ']')
      --Depth;
    else if ((C == ',' || C == '=' || C == ';') && Depth == 0)
      return false;
  }
  for (StringRef Word : {"static", "extern", "thread_local", "constexpr",
                         "register", "inline", "mutable"})
    if (Text.contains(Word))
      return false;
  return Depth == 0 && !Text.empty();
}

/// True if the type \p D was written with names a variable of the function
/// (`std::array<int, N>` with a constexpr local N), which the frame, outside
/// the function, cannot see.
static bool namesLocalVariable(const VarDecl *D) {
  struct Finder : RecursiveASTVisitor<Finder> {
    bool Found = false;
    bool VisitDeclRefExpr(DeclRefExpr *E) {
      if (const auto *V = dyn_cast<VarDecl>(E->getDecl()))
        Found |= V->getDeclContext()->isFunctionOrMethod();
      return !Found;
    }
  } Find;
  if (const TypeSourceInfo *Info = D->getTypeSourceInfo())
    Find.TraverseTypeLoc(Info->getTypeLoc());
  return Find.Found;
}

std::string FunctionPlan::writtenType(const VarDecl *D, bool Referent) {
  QualType Type = D->getType();
  SugarCheck Check;
  Check.TraverseType(Type);
  NamesLocalType |= Check.Local;
  if (Referent)
    Type = Type.getNonReferenceType();
  bool IsParam = isa<ParmVarDecl>(D);
  // Members drop a top-level const: they are assigned or constructed later.
  // (An array's const is its elements'.)
  if (!IsParam && !Referent) {
    Qualifiers Dropped;
    Type = Context.getUnqualifiedArrayType(Type, Dropped);
  }
  // The type as the user wrote it reads best, when it is a plain `T name`.
  // (Type locations do not cover qualifiers, so take the text up to the name.)
  bool TopConst = !Referent && D->getType().isLocalConstQualified();
  if (!D->getType()->getContainedDeducedType() && (IsParam || !TopConst) &&
      !namesLocalVariable(D) && (IsParam || !UsesNames) &&
      !Type->isArrayType() && !Type->isFunctionPointerType()) {
    auto Begin = Text.offset(D->getBeginLoc());
    auto NameAt = Text.offset(D->getLocation());
    // Nothing of the declarator after the name (`arr[]`, `(&ref)[2]`).
    const TypeSourceInfo *Info = D->getTypeSourceInfo();
    auto TypeEnd = Info ? Text.offset(Info->getTypeLoc().getEndLoc())
                        : std::optional<unsigned>();
    if (Begin && NameAt && *Begin < *NameAt && TypeEnd && *TypeEnd < *NameAt &&
        Text.span(D->getBeginLoc()) && Text.span(D->getLocation())) {
      StringRef Written = Text.original({*Begin, *NameAt}).trim();
      if (Referent)
        Written = Written.rtrim("&").rtrim();
      if (isPlainType(Written) &&
          (Referent || !D->getType()->isReferenceType() || IsParam))
        return unhidden(Written.str());
    }
  }
  return memberType(Type);
}

/// The type of a closure that \p D is initialised with by calling a plain
/// function (`auto add = make_adder(n);`), spelled through the call:
/// `decltype(::make_adder(std::declval<int>()))`. Empty when there is no
/// such call; a lambda written in place has no name to give (issue 13).
std::string FunctionPlan::closureType(const VarDecl *D) {
  const Expr *Init = D->getInit() ? D->getInit()->IgnoreImplicit() : nullptr;
  if (const auto *Construct = dyn_cast_or_null<CXXConstructExpr>(Init);
      Construct && Construct->getNumArgs() == 1)
    Init = Construct->getArg(0)->IgnoreImplicit();
  const auto *Call = dyn_cast_or_null<CallExpr>(Init);
  const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
  if (!Callee || isa<CXXMethodDecl>(Callee) ||
      Callee->getTemplateSpecializationArgs() ||
      !Callee->getDeclContext()->isFileContext())
    return "";
  PrintingPolicy Policy(Context.getLangOpts());
  Policy.SuppressUnwrittenScope = true;
  std::string Name;
  llvm::raw_string_ostream OS(Name);
  Callee->printQualifiedName(OS, Policy);
  std::string Type = "decltype(::" + OS.str() + "(";
  for (const ParmVarDecl *P : Callee->parameters())
    Type += (P == Callee->parameters().front() ? "" : ", ") +
            ("std::declval<" + memberType(P->getType()) + ">()");
  Type += "))";
  // `auto x = f();` copies what a reference-returning f gives.
  if (Callee->getReturnType()->isReferenceType())
    Type = "std::remove_cv_t<std::remove_reference_t<" + Type + ">>";
  return Type;
}

// A use of the parameter pack becomes a declval of the tuple's element type
// (the `...` around it expands that).
std::string FunctionPlan::unevaluated(const Expr *E) const {
  const FrameVar *Pack = nullptr;
  for (const FrameVar &P : Params)
    if (!P.PackMember.empty())
      Pack = &P;
  auto Whole = Text.span(E->getSourceRange());
  if (!Whole)
    return ""; // in a macro: the caller refuses
  if (!Pack)
    return Text.render(*Whole);
  struct PackUses : RecursiveASTVisitor<PackUses> {
    const VarDecl *Pack;
    std::vector<SourceLocation> Found;
    bool VisitDeclRefExpr(DeclRefExpr *Ref) {
      if (Ref->getDecl() == Pack)
        Found.push_back(Ref->getLocation());
      return true;
    }
  } Uses;
  Uses.Pack = Pack->Decl;
  Uses.TraverseStmt(const_cast<Expr *>(E));
  std::string Code;
  unsigned At = Whole->Begin;
  for (SourceLocation Loc : Uses.Found) {
    auto Use = Text.span(SourceRange(Loc, Loc));
    if (!Use || Use->Begin < At)
      continue;
    Code += Text.render({At, Use->Begin}) +
            "std::declval<std::add_lvalue_reference_t<" + Pack->Type + ">>()";
    At = Use->End;
  }
  return Code + Text.render({At, Whole->End});
}

/// `-> cosm::Coro<decltype(a + b)>`: the frame's base class names T where
/// the parameters, a lambda's captures and the object are not in scope.
/// Each use of one becomes a declval of its type in the frame (`decltype(a)`
/// alone, that type), so that T reads as written otherwise. Empty if T names
/// none.
std::string FunctionPlan::resultNamingParameters() {
  const TypeSourceInfo *Info = F->getTypeSourceInfo();
  auto Proto = Info ? Info->getTypeLoc().getAsAdjusted<FunctionProtoTypeLoc>()
                    : FunctionProtoTypeLoc();
  auto Coro =
      Proto
          ? Proto.getReturnLoc().getAsAdjusted<TemplateSpecializationTypeLoc>()
          : TemplateSpecializationTypeLoc();
  if (!Coro || Coro.getNumArgs() != 1)
    return "";
  TemplateArgumentLoc Arg = Coro.getArgLoc(0);
  auto Whole = Text.span(Arg.getSourceRange());
  if (!Whole)
    return "";

  struct Uses : RecursiveASTVisitor<Uses> {
    FunctionPlan &Plan;
    // Offset ranges in the main file and what replaces them.
    std::vector<std::tuple<unsigned, unsigned, std::string>> Found;
    explicit Uses(FunctionPlan &Plan) : Plan(Plan) {}
    const FrameVar *param(const Expr *E) const {
      const auto *Ref = dyn_cast<DeclRefExpr>(E);
      const auto *P = Ref ? dyn_cast<ParmVarDecl>(Ref->getDecl()) : nullptr;
      auto It = P ? Plan.ParamIndex.find(P) : Plan.ParamIndex.end();
      return It == Plan.ParamIndex.end() ? nullptr : &Plan.Params[It->second];
    }
    void add(SourceRange R, std::string Code) {
      if (auto Where = Plan.Text.span(R))
        Found.emplace_back(Where->Begin, Where->End, std::move(Code));
    }
    // `this`, written or implied (`get(x)` in a member): the object.
    bool VisitCXXThisExpr(CXXThisExpr *E) {
      if (!E->isImplicit() && !Plan.SelfType.empty())
        add(E->getSourceRange(), "std::declval<" + Plan.SelfType + " *>()");
      return true;
    }
    void implicitThis(SourceLocation Member) {
      if (auto Where = Plan.Text.span(Member); Where && !Plan.SelfType.empty())
        Found.emplace_back(Where->Begin, Where->Begin,
                           "std::declval<" + Plan.SelfType + " &>().");
    }
    bool VisitMemberExpr(MemberExpr *E) {
      if (E->isImplicitAccess())
        implicitThis(E->getMemberLoc());
      return true;
    }
    bool VisitUnresolvedMemberExpr(UnresolvedMemberExpr *E) {
      if (E->isImplicitAccess())
        implicitThis(E->getMemberLoc());
      return true;
    }
    bool VisitCXXDependentScopeMemberExpr(CXXDependentScopeMemberExpr *E) {
      if (E->isImplicitAccess())
        implicitThis(E->getMemberLoc());
      return true;
    }
    bool VisitDecltypeTypeLoc(DecltypeTypeLoc TL) {
      if (const FrameVar *V = param(TL.getUnderlyingExpr()))
        add(TL.getSourceRange(),
            V->Generic ? V->Type : Plan.memberType(V->Decl->getType()));
      return true;
    }
    bool VisitDeclRefExpr(DeclRefExpr *Ref) {
      if (const FrameVar *V = param(Ref)) {
        std::string Type =
            V->Generic
                ? V->Type
                : Plan.memberType(V->Decl->getType().getNonReferenceType());
        add(Ref->getSourceRange(), "std::declval<" + Type + " &>()");
      } else if (const auto *Local = dyn_cast<VarDecl>(Ref->getDecl());
                 Local && Local->hasLocalStorage() &&
                 Local->getDeclContext() != Plan.F) {
        // A lambda's capture: a local of the function around it.
        add(Ref->getSourceRange(),
            "std::declval<" +
                Plan.memberType(Local->getType().getNonReferenceType()) +
                " &>()");
      }
      return true;
    }
  } Find(*this);
  Find.TraverseTemplateArgumentLoc(Arg);
  if (Find.Found.empty())
    return "";
  llvm::sort(Find.Found);
  std::string Code;
  unsigned At = Whole->Begin;
  for (const auto &[Begin, End, Replacement] : Find.Found) {
    if (Begin < At) // inside a decltype already replaced
      continue;
    Code += Text.original({At, Begin}).str() + Replacement;
    At = End;
  }
  return Code + Text.original({At, Whole->End}).str();
}

/// True if \p Type names the invented template parameter of a generic
/// lambda's `auto` parameter: it prints as `auto`, which the frame (whose
/// parameter is the declared type) cannot use.
bool FunctionPlan::namesAutoParameter(QualType Type) {
  struct Finder : RecursiveASTVisitor<Finder> {
    bool Found = false;
    bool VisitTemplateTypeParmType(TemplateTypeParmType *T) {
      if (const TemplateTypeParmDecl *D = T->getDecl(); D && D->isImplicit())
        Found = true;
      return !Found;
    }
  } Find;
  Find.TraverseType(Type);
  return Find.Found;
}

bool copyable(QualType Type) {
  const auto *Record = Type->getAsCXXRecordDecl();
  if (!Record || !Record->hasDefinition())
    return true;
  Record = Record->getDefinition();
  if (!Record->hasUserDeclaredCopyConstructor())
    return !Record->defaultedCopyConstructorIsDeleted();
  for (const CXXConstructorDecl *Ctor : Record->ctors())
    if (Ctor->isCopyConstructor() && !Ctor->isDeleted())
      return true;
  return false;
}

bool movable(QualType Type) {
  const auto *Record = Type->getAsCXXRecordDecl();
  if (!Record || !Record->hasDefinition() || Type->isDependentType())
    return true;
  Record = Record->getDefinition();
  if (!Record->hasUserDeclaredMoveConstructor() &&
      !Record->hasUserDeclaredCopyConstructor() &&
      !Record->defaultedMoveConstructorIsDeleted())
    return true;
  for (const CXXConstructorDecl *Ctor : Record->ctors())
    if (Ctor->isMoveConstructor() && !Ctor->isDeleted())
      return true;
  return copyable(Type);
}

} // namespace cosm
