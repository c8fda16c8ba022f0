//===- driver/PackAwaits.cpp - Awaits inside pack expansions --------------===//
//
// Each expansion becomes three pieces of text: the element lambda, declared
// before the statement; the expansion replaced by an await of the runtime
// helper; and, for a fold or a call, the code around the expansion applied
// to the results. Only shapes whose order of evaluation stays exactly the
// one C++ gives (or one of those C++ allows) are rewritten; the others are
// refused with what to write instead.
//
//===----------------------------------------------------------------------===//

#include "driver/PackAwaits.h"
#include "driver/MainFileVisitor.h"
#include "driver/TextEdits.h"
#include "find/AsyncFinder.h"
#include "support/Diagnostics.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"

using namespace clang;

namespace cosm {
namespace {

bool holdsAwait(const Stmt *S) {
  if (!S)
    return false;
  if (asAwait(S))
    return true;
  for (const Stmt *Child : S->children())
    if (holdsAwait(Child))
      return true;
  return false;
}

/// Code whose evaluation may move after the pack's awaits without anyone
/// noticing: it calls nothing and changes nothing.
bool inert(const Stmt *S) {
  if (!S)
    return true;
  if (isa<CallExpr, CXXNewExpr, CXXDeleteExpr, LambdaExpr, CXXThrowExpr,
          StmtExpr, PackExpansionExpr, CXXFoldExpr>(S))
    return false;
  if (const auto *B = dyn_cast<BinaryOperator>(S); B && B->isAssignmentOp())
    return false;
  if (const auto *U = dyn_cast<UnaryOperator>(S);
      U && U->isIncrementDecrementOp())
    return false;
  for (const Stmt *Child : S->children())
    if (!inert(Child))
      return false;
  return true;
}

/// What a pattern names.
struct PatternUses : RecursiveASTVisitor<PatternUses> {
  std::vector<const ParmVarDecl *> Packs; ///< in the order of first use
  const NamedDecl *TemplatePack = nullptr;
  bool Nested = false;
  bool HasLambda = false;
  bool UsesThis = false;
  std::vector<const CallExpr *> Awaits;

  bool VisitDeclRefExpr(DeclRefExpr *E) {
    if (const auto *P = dyn_cast<ParmVarDecl>(E->getDecl());
        P && P->isParameterPack()) {
      if (!llvm::is_contained(Packs, P))
        Packs.push_back(P);
    } else if (const auto *N = dyn_cast<NonTypeTemplateParmDecl>(E->getDecl());
               N && N->isParameterPack() && !TemplatePack) {
      TemplatePack = N;
    }
    return true;
  }
  bool VisitTemplateTypeParmTypeLoc(TemplateTypeParmTypeLoc TL) {
    if (TL.getDecl() && TL.getDecl()->isParameterPack() && !TemplatePack)
      TemplatePack = TL.getDecl();
    return true;
  }
  bool VisitPackExpansionExpr(PackExpansionExpr *) { return !(Nested = true); }
  bool VisitCXXFoldExpr(CXXFoldExpr *) { return !(Nested = true); }
  bool VisitSizeOfPackExpr(SizeOfPackExpr *) { return !(Nested = true); }
  bool VisitLambdaExpr(LambdaExpr *) { return !(HasLambda = true); }
  bool VisitCXXThisExpr(CXXThisExpr *) {
    UsesThis = true;
    return true;
  }
  bool VisitCallExpr(CallExpr *C) {
    if (asAwait(C))
      Awaits.push_back(C);
    return true;
  }
};

/// Expansions and folds whose pattern awaits, outermost only.
struct Candidates : MainFileVisitor<Candidates> {
  std::vector<const Expr *> Found;
  using MainFileVisitor::MainFileVisitor;
  bool TraversePackExpansionExpr(PackExpansionExpr *E) {
    if (holdsAwait(E->getPattern())) {
      Found.push_back(E);
      return true; // what is inside is the pattern's, refused there
    }
    return RecursiveASTVisitor::TraversePackExpansionExpr(E);
  }
  bool TraverseCXXFoldExpr(CXXFoldExpr *E) {
    if (holdsAwait(E->getPattern())) {
      Found.push_back(E);
      return true;
    }
    return RecursiveASTVisitor::TraverseCXXFoldExpr(E);
  }
};

class PackRewriter {
public:
  explicit PackRewriter(ASTContext &Context)
      : Context(Context), SM(Context.getSourceManager()), Edits(Context) {}

  PackRewrite run() {
    Candidates Find(SM);
    Find.TraverseDecl(Context.getTranslationUnitDecl());
    PackRewrite Result;
    for (const Expr *E : Find.Found)
      if (inAsyncFunction(E) && !rewrite(E))
        Result.Failed = true;
    if (Result.Failed || Edits.empty())
      return Result;
    Result.Text = Edits.apply();
    return Result;
  }

private:
  using Range = TextEdits::Range;

  ASTContext &Context;
  const SourceManager &SM;
  TextEdits Edits;
  unsigned Count = 0;

  bool refuse(SourceLocation Loc, const std::string &What) {
    report(Context.getDiagnostics(), Loc, Diag::Unsupported, What);
    return false;
  }

  DynTypedNode parent(const DynTypedNode &N) const {
    auto Parents = Context.getParents(N);
    return Parents.empty() ? DynTypedNode() : Parents[0];
  }

  bool inAsyncFunction(const Expr *E) const {
    for (DynTypedNode N = parent(DynTypedNode::create(*E));
         !N.getNodeKind().isNone(); N = parent(N)) {
      if (const auto *L = N.get<LambdaExpr>())
        return isAsync(L->getCallOperator());
      if (const auto *F = N.get<FunctionDecl>())
        return isAsync(F);
    }
    return false;
  }

  /// True if \p E is in a member function defined inside its class.
  bool inClassMember(const Expr *E) const {
    for (DynTypedNode N = parent(DynTypedNode::create(*E));
         !N.getNodeKind().isNone(); N = parent(N))
      if (const auto *M = N.get<CXXMethodDecl>();
          M && !M->getParent()->isLambda())
        return !M->isOutOfLine();
    return false;
  }

  /// Text with every newline a space: the element lambda is declared on
  /// the statement's first line.
  static std::string oneLine(StringRef Code) {
    std::string Line = Code.str();
    std::replace(Line.begin(), Line.end(), '\n', ' ');
    return Line;
  }

  /// The pattern's text with each await's callee made
  /// cosm::detail::await_value: its type, for the lambda's result.
  std::string typeOnly(const Expr *Pattern, const PatternUses &Uses,
                       Range Whole) const {
    std::string Code;
    unsigned At = Whole.first;
    std::vector<Range> Callees;
    for (const CallExpr *A : Uses.Awaits)
      if (auto R = Edits.offsets(A->getCallee()->getSourceRange()))
        Callees.push_back(*R);
    llvm::sort(Callees);
    for (Range R : Callees) {
      Code += Edits.text({At, R.first}).str() + "cosm::detail::await_value";
      At = R.second;
    }
    return Code + Edits.text({At, Whole.second}).str();
  }

  /// What the element lambda gives: the pattern's value, its truth (for
  /// `&&` and `||`), or the fold's next value (for `<<` and `>>`, where
  /// it takes the value so far too).
  enum class Mode { Collect, All, Any, ShiftLeft, ShiftRight };

  /// Declares the element lambda for \p Pattern before the statement; its
  /// name, or empty after an error.
  std::string elementLambda(const Expr *Whole, const Expr *Pattern, Mode Kind,
                            std::string &Elements) {
    PatternUses Uses;
    Uses.TraverseStmt(const_cast<Expr *>(Pattern));
    SourceLocation Loc = Pattern->getBeginLoc();
    if (Uses.Nested) {
      refuse(Loc, "a pack expansion that awaits, with another pack expansion "
                  "or sizeof... in its pattern");
      return "";
    }
    if (Uses.HasLambda) {
      refuse(Loc, "a pack expansion that awaits, with a lambda in its pattern "
                  "(name the lambda before the expansion)");
      return "";
    }
    if (Uses.TemplatePack) {
      refuse(Loc, "a pack expansion that awaits and names the template "
                  "parameter pack '" +
                      Uses.TemplatePack->getNameAsString() +
                      "' (name its elements through a function parameter "
                      "pack)");
      return "";
    }
    if (Uses.UsesThis && inClassMember(Whole)) {
      refuse(Loc, "a pack expansion that awaits and uses 'this' in a member "
                  "function defined in its class (the element lambda's frame "
                  "would nest in the incomplete class: define the function "
                  "outside the class)");
      return "";
    }
    if (Uses.Packs.empty()) {
      refuse(Loc, "a pack expansion that awaits and names no function "
                  "parameter pack");
      return "";
    }
    auto Where = Edits.offsets(Pattern->getSourceRange());
    if (!Where) {
      refuse(Loc, "a pack expansion that awaits, written by a macro");
      return "";
    }
    StringRef Code = Edits.text(*Where);
    if (Code.contains('\n') && Code.contains("//")) {
      refuse(Loc, "a pack expansion that awaits, whose pattern has a '//' "
                  "comment on one of its lines (use /* */)");
      return "";
    }
    std::string Name = Edits.fresh("each_" + std::to_string(++Count));
    bool Shift = Kind == Mode::ShiftLeft || Kind == Mode::ShiftRight;
    std::string Step = Edits.fresh("fold");
    std::string Params = Shift ? "auto &" + Step : "", Tuple;
    for (const ParmVarDecl *P : Uses.Packs) {
      Params += (Params.empty() ? "auto &&" : ", auto &&") + P->getName().str();
      Tuple += (Tuple.empty() ? "" : ", ") + P->getName().str();
    }
    Elements = "std::forward_as_tuple(" + Tuple + ")...";
    std::string Result, Body;
    if (Kind == Mode::Collect) {
      // A void pattern gives a VoidSlot (cosm/pack.hpp).
      Result = "std::decay_t<decltype((" +
               oneLine(typeOnly(Pattern, Uses, *Where)) +
               ", cosm::detail::VoidSlot()))>";
      Body = "(" + oneLine(Code) + ", cosm::detail::VoidSlot())";
    } else if (Shift) {
      std::string Call = Kind == Mode::ShiftLeft ? "cosm::detail::shift_left("
                                                 : "cosm::detail::shift_right(";
      Result = "decltype(" + Call + Step + ", " +
               oneLine(typeOnly(Pattern, Uses, *Where)) + "))";
      Body = Call + Step + ", " + oneLine(Code) + ")";
    } else {
      Result = "bool";
      Body = "static_cast<bool>(" + oneLine(Code) + ")";
    }
    std::string Declaration = "auto " + Name + " = [&] COSM_ASYNC (" + Params +
                              ") -> cosm::Coro<" + Result + "> { return " +
                              Body + "; };";
    if (!Edits.declareBefore(Whole, Declaration)) {
      refuse(Whole->getBeginLoc(),
             "a pack expansion that awaits outside a statement of the "
             "function's body");
      return "";
    }
    return Name;
  }

  bool rewrite(const Expr *E) {
    if (const auto *Fold = dyn_cast<CXXFoldExpr>(E))
      return rewriteFold(Fold);
    return rewriteExpansion(cast<PackExpansionExpr>(E));
  }

  /// True if \p E's value is discarded: a statement of its own.
  bool discarded(const Expr *E) const {
    return parent(DynTypedNode::create(*E)).get<CompoundStmt>() != nullptr;
  }

  bool rewriteFold(const CXXFoldExpr *Fold) {
    BinaryOperatorKind Op = Fold->getOperator();
    const Expr *Init = Fold->getInit();
    bool Left = Fold->isLeftFold();
    auto Whole = Edits.offsets(Fold->getSourceRange());
    if (!Whole)
      return refuse(Fold->getBeginLoc(),
                    "a fold that awaits, written by a macro");
    std::string OpText = BinaryOperator::getOpcodeStr(Op).str();
    if ((Op == BO_Shl || Op == BO_Shr) && Left)
      return rewriteShiftFold(Fold, *Whole);
    bool Sequenced = Op == BO_Comma || Op == BO_LAnd || Op == BO_LOr;
    if (BinaryOperator::isAssignmentOp(Op) || Op == BO_PtrMemD ||
        Op == BO_PtrMemI)
      return refuse(Fold->getEllipsisLoc(),
                    "a fold over '" + OpText +
                        "' whose pattern awaits (C++ evaluates its elements "
                        "from the last to the first); write a loop or a "
                        "comma fold");
    if (!Sequenced && !inert(Init))
      return refuse(Init->getBeginLoc(),
                    "a fold that awaits, whose initial operand calls a "
                    "function (it would run after the awaits: compute it "
                    "into a local first)");
    std::optional<Range> InitAt;
    if (Init && !(InitAt = Edits.offsets(Init->getSourceRange())))
      return refuse(Init->getBeginLoc(),
                    "a fold that awaits, written by a macro");
    Mode Kind = Op == BO_LAnd  ? Mode::All
                : Op == BO_LOr ? Mode::Any
                               : Mode::Collect;
    std::string Elements;
    std::string Each = elementLambda(Fold, Fold->getPattern(), Kind, Elements);
    if (Each.empty())
      return false;
    std::string Helper = Kind == Mode::All   ? "all_in_order"
                         : Kind == Mode::Any ? "any_in_order"
                                             : "in_order";
    std::string Await = "cosm::await(cosm::detail::" + Helper + "(" + Each +
                        ", " + Elements + "))";
    std::string Code;
    if (Sequenced) {
      std::string Folded = Await;
      if (Op == BO_Comma && !(Init && !Left) && !(!Init && discarded(Fold)))
        Folded = "cosm::detail::last_of(" + Await + ")";
      if (!Init)
        Code = Folded;
      else if (Left)
        Code = "(" + oneLine(Edits.text(*InitAt)) + " " + OpText + " " +
               Folded + ")";
      else
        Code = "(" + Folded + " " + OpText + " " +
               oneLine(Edits.text(*InitAt)) + ")";
    } else {
      std::string Values = Edits.fresh("values");
      std::string Folded =
          !Init  ? (Left ? "(... " + OpText + " " + Values + ")"
                         : "(" + Values + " " + OpText + " ...)")
          : Left ? "(" + oneLine(Edits.text(*InitAt)) + " " + OpText + " ... " +
                       OpText + " " + Values + ")"
                 : "(" + Values + " " + OpText + " ... " + OpText + " " +
                       oneLine(Edits.text(*InitAt)) + ")";
      Code = "cosm::detail::spread(" + Await + ", [&](auto &&..." + Values +
             ") { return " + Folded + "; })";
    }
    if (!Edits.replace(*Whole, Code))
      return refuse(Fold->getBeginLoc(), "two pack expansions that await in "
                                         "one expression");
    return true;
  }

  /// `(out << ... << cosm::await(x))`: C++ shifts each element's value in
  /// before it evaluates the next element, so each element's coroutine
  /// takes the value so far and gives the next (cosm::detail::
  /// shift_in_order); the initial operand is evaluated where it stands.
  bool rewriteShiftFold(const CXXFoldExpr *Fold, Range Whole) {
    const Expr *Init = Fold->getInit();
    std::optional<Range> InitAt;
    if (Init && !(InitAt = Edits.offsets(Init->getSourceRange())))
      return refuse(Init->getBeginLoc(),
                    "a fold that awaits, written by a macro");
    Mode Kind =
        Fold->getOperator() == BO_Shl ? Mode::ShiftLeft : Mode::ShiftRight;
    std::string Elements;
    std::string Each = elementLambda(Fold, Fold->getPattern(), Kind, Elements);
    if (Each.empty())
      return false;
    std::string Start =
        Init ? "cosm::detail::fold_step(" + oneLine(Edits.text(*InitAt)) + ")"
             : "cosm::detail::NoStep()";
    std::string Code =
        "cosm::detail::fold_value(cosm::await(cosm::detail::shift_in_order(" +
        Start + ", " + Each + ", " + Elements + ")))";
    if (!Edits.replace(Whole, Code))
      return refuse(Fold->getBeginLoc(), "two pack expansions that await in "
                                         "one expression");
    return true;
  }

  bool rewriteExpansion(const PackExpansionExpr *Pack) {
    DynTypedNode Up = parent(DynTypedNode::create(*Pack));
    const Expr *Around = Up.get<Expr>();
    const VarDecl *Var = nullptr;
    if (Around && isa<InitListExpr, ParenListExpr>(Around)) {
      // `std::vector<int> v{cosm::await(cs)...};`
      Var = parent(Up).get<VarDecl>();
      if (!Var || Var->getInit() != Around ||
          Var->getType()->isReferenceType() || Var->getType()->isArrayType() ||
          Var->getType()->isPointerType() ||
          Var->getType()->getContainedDeducedType())
        return refuse(Pack->getBeginLoc(),
                      "a pack expansion that awaits, in a braced list that "
                      "does not initialise a variable of a written class "
                      "type");
    } else if (!Around ||
               !isa<CallExpr, CXXUnresolvedConstructExpr, CXXConstructExpr>(
                   Around)) {
      return refuse(Pack->getBeginLoc(),
                    "a pack expansion that awaits, outside a call's arguments "
                    "or a braced list");
    }
    for (const Stmt *Child : Around->children())
      if (Child != Pack && !inert(Child))
        return refuse(Child->getBeginLoc(),
                      "a pack expansion that awaits next to code that calls "
                      "a function (it would run after the awaits: compute it "
                      "into a local first)");
    auto Whole = Edits.offsets(Around->getSourceRange());
    auto Hole = Edits.offsets(Pack->getSourceRange());
    if (!Whole || !Hole)
      return refuse(Pack->getBeginLoc(),
                    "a pack expansion that awaits, written by a macro");
    std::string Elements;
    std::string Each =
        elementLambda(Around, Pack->getPattern(), Mode::Collect, Elements);
    if (Each.empty())
      return false;
    std::string Values = Edits.fresh("values");
    std::string Used = Edits.text({Whole->first, Hole->first}).str() +
                       "std::forward<decltype(" + Values + ")>(" + Values +
                       ")..." + Edits.text({Hole->second, Whole->second}).str();
    std::string Code;
    if (Var) {
      auto Type = Edits.offsets(
          SourceRange(Var->getTypeSpecStartLoc(), Var->getTypeSpecEndLoc()));
      if (!Type)
        return refuse(Var->getLocation(),
                      "a pack expansion that awaits, initialising a variable "
                      "whose type a macro writes");
      Used = Edits.text(*Type).str() + Used;
      Code = Var->getInitStyle() == VarDecl::CInit ? "" : " = ";
    }
    Code += "cosm::detail::spread(cosm::await(cosm::detail::in_order(" + Each +
            ", " + Elements + ")), [&](auto &&..." + Values +
            ") -> decltype(auto) { return " + Used + "; })";
    if (!Edits.replace(*Whole, Code))
      return refuse(Pack->getBeginLoc(), "two pack expansions that await in "
                                         "one expression");
    return true;
  }
};

} // namespace

PackRewrite rewritePackAwaits(ASTContext &Context) {
  return PackRewriter(Context).run();
}

} // namespace cosm
