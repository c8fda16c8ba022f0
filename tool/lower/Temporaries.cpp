//===- lower/Temporaries.cpp - Temporaries kept across an await -----------===//
//
// C++ destroys a full-expression's temporaries at its end; when the
// expression suspends, its end comes after the loop has run other tasks.
// The frame keeps such temporaries as members until the statement ends,
// and refuses the ones it cannot keep (made in a branch C++ may skip, or
// bound by a default argument or in an instantiation only).
//
//===----------------------------------------------------------------------===//

#include "find/AsyncFinder.h"
#include "lower/Lowerer.h"
#include "clang/Lex/Lexer.h"
#include <functional>

using namespace clang;

namespace cosm {
/// True if keepTemporaries(..., \p All, \p Coroutines) keeps \p Temporary.
bool Lowerer::keeps(const MaterializeTemporaryExpr *Temporary, bool All,
                    bool Coroutines) {
  QualType Type = Temporary->getSubExpr()->getType();
  if ((!All && !needsDestruction(Type)) || Type->isArrayType())
    return false;
  // A closure type has no name to declare the frame member with; a
  // coroutine object is consumed at once by what it is passed to
  // (cosm::gather, create_task).
  const auto *Record = Type->getAsCXXRecordDecl();
  return !(Record && Record->isLambda()) &&
         !(coroResultType(Type) && !Coroutines);
}

/// A temporary the frame would keep inside \p S, which C++ may not evaluate
/// (a '?:' branch, the right of '&&' or '||'), or null. The frame
/// constructs what it keeps before the expression: such a one cannot be.
const Expr *Lowerer::keptMaybe(const Stmt *S, bool All, bool Coroutines) {
  if (!S || isa<LambdaExpr, CXXStdInitializerListExpr>(S) || asAwait(S))
    return nullptr;
  if (const auto *Temporary = dyn_cast<MaterializeTemporaryExpr>(S))
    if (keeps(Temporary, All, Coroutines))
      return Temporary;
  for (const Stmt *Child : S->children())
    if (const Expr *Found = keptMaybe(Child, All, Coroutines))
      return Found;
  return nullptr;
}

/// False, after an error, if \p Call makes a coroutine whose reference
/// parameter a default argument binds to a temporary that the frame cannot
/// keep: C++ destroys it at the end of the full-expression, which ends here
/// before the coroutine runs. One the frame can keep is written out at the
/// call (passDefaults). A call that depends on a template parameter is
/// checked as instantiated, where an argument may bind a temporary too
/// (`"text"` to a `const std::string &`): the frame, written from the
/// pattern, cannot keep that one.
bool Lowerer::checkBoundTemporaries(const CallExpr *Call) {
  for (const CallExpr *Resolved : instantiatedCalls(Call, Context))
    if (!checkBoundArguments(Resolved, Call))
      return false;
  return checkBoundArguments(Call, nullptr);
}

bool Lowerer::checkBoundArguments(const CallExpr *Call,
                                  const CallExpr *Pattern) {
  if (!coroResultType(Call->getType()))
    return true;
  const auto *Callee = Call->getDirectCallee();
  // `f(args)` on an object with a call operator: argument 0 is the object.
  unsigned Skip =
      isa<CXXOperatorCallExpr>(Call) && Callee && isa<CXXMethodDecl>(Callee)
          ? 1
          : 0;
  // The pattern may call a closure of a dependent type as a plain call
  // (no object argument), its instantiation through operator().
  unsigned PatternSkip = isa_and_nonnull<CXXOperatorCallExpr>(Pattern);
  for (unsigned I = Skip; I < Call->getNumArgs(); ++I) {
    const Expr *Arg = Call->getArg(I);
    unsigned P = I - Skip + PatternSkip;
    const Expr *Written =
        Pattern && P < Pattern->getNumArgs() ? Pattern->getArg(P) : nullptr;
    if (const auto *Default = dyn_cast<CXXDefaultArgExpr>(Arg)) {
      if (!isa<MaterializeTemporaryExpr>(boundExpr(Default->getExpr())) ||
          isa_and_nonnull<CXXDefaultArgExpr>(Written))
        continue; // the pattern's own call writes it out
      if (!Pattern && passDefaults(Call, Skip))
        return true;
      const CallExpr *At = Pattern ? Pattern : Call;
      fail(At->getBeginLoc(), Diag::Unsupported,
           "a call whose default argument for the reference parameter '" +
               Default->getParam()->getName().str() + "' makes a temporary " +
               (Pattern ? "where the template is instantiated, which"
                        : "of more than literals, which") +
               " the coroutine would outlive (pass the argument explicitly)");
      return false;
    }
    if (Written && isa<MaterializeTemporaryExpr>(boundExpr(Arg)) &&
        !isa<MaterializeTemporaryExpr>(boundExpr(Written))) {
      const ParmVarDecl *Param = Callee && I - Skip < Callee->getNumParams()
                                     ? Callee->getParamDecl(I - Skip)
                                     : nullptr;
      fail(Written->getBeginLoc(), Diag::Unsupported,
           "a temporary made for the reference parameter '" +
               (Param ? Param->getName().str() : "") +
               "' where the template is instantiated: the coroutine would "
               "outlive it (store the argument in a local first)");
      return false;
    }
  }
  return true;
}

/// The text of a default argument \p E that means the same at any call:
/// literals, and conversions and constructors the parameter's type implies
/// (no name, which the call's scope could resolve differently).
static std::optional<std::string> portableDefault(const Expr *E,
                                                  const SourceManager &SM,
                                                  const LangOptions &Lang) {
  std::function<bool(const Stmt *)> Literal = [&](const Stmt *S) {
    if (isa<StringLiteral, IntegerLiteral, FloatingLiteral, CharacterLiteral,
            CXXBoolLiteralExpr, CXXNullPtrLiteralExpr, ImplicitValueInitExpr>(
            S))
      return true;
    const auto *Construct = dyn_cast<CXXConstructExpr>(S);
    if (!(isa<ImplicitCastExpr, ParenExpr, InitListExpr,
              MaterializeTemporaryExpr, CXXBindTemporaryExpr, ExprWithCleanups,
              CXXStdInitializerListExpr>(S) ||
          (Construct && !isa<CXXTemporaryObjectExpr>(Construct)) ||
          (isa<UnaryOperator>(S) &&
           cast<UnaryOperator>(S)->getOpcode() == UO_Minus)))
      return false;
    // A constructor's own default arguments (a string's allocator) mean
    // the same anywhere.
    return llvm::all_of(S->children(), [&](const Stmt *C) {
      return C && (Literal(C) || (Construct && isa<CXXDefaultArgExpr>(C)));
    });
  };
  SourceRange Range = E->getSourceRange();
  if (!Literal(E) || Range.getBegin().isMacroID() || Range.getEnd().isMacroID())
    return std::nullopt;
  StringRef Text =
      Lexer::getSourceText(CharSourceRange::getTokenRange(Range), SM, Lang);
  // A list-initialised one's range starts at the `=` of `= {1, 2}`.
  Text = Text.drop_while([](char C) { return C == '='; }).ltrim();
  if (Text.empty())
    return std::nullopt;
  return Text.str();
}

/// Writes \p Call's default arguments out, up to the last one that binds a
/// temporary to a reference parameter, which the frame keeps until the
/// statement ends as it keeps a temporary written at the call:
/// `length()` becomes `length(temp)`. False if one is not portable.
bool Lowerer::passDefaults(const CallExpr *Call, unsigned Skip) {
  if (DefaultsPassed.count(Call))
    return true;
  unsigned First = Call->getNumArgs(), Last = 0;
  for (unsigned I = Skip; I < Call->getNumArgs(); ++I)
    if (const auto *Default = dyn_cast<CXXDefaultArgExpr>(Call->getArg(I))) {
      First = std::min(First, I);
      if (isa<MaterializeTemporaryExpr>(boundExpr(Default->getExpr())))
        Last = I;
    }
  auto Close = Text.offset(Call->getRParenLoc());
  if (First > Last || !Close)
    return false;
  const SourceManager &SM = Context.getSourceManager();
  std::vector<std::string> Values;
  for (unsigned I = First; I <= Last; ++I) {
    const Expr *Default = cast<CXXDefaultArgExpr>(Call->getArg(I))->getExpr();
    const auto *Temporary =
        dyn_cast<MaterializeTemporaryExpr>(boundExpr(Default));
    auto Value = portableDefault(Temporary ? Temporary->getSubExpr() : Default,
                                 SM, Context.getLangOpts());
    if (!Value)
      return false;
    Values.push_back(std::move(*Value));
  }
  std::string Args;
  for (unsigned I = First; I <= Last; ++I) {
    const Expr *Default = cast<CXXDefaultArgExpr>(Call->getArg(I))->getExpr();
    std::string Value = std::move(Values[I - First]);
    if (const auto *Temporary =
            dyn_cast<MaterializeTemporaryExpr>(boundExpr(Default))) {
      std::string Name =
          objectTemp(Temporary->getSubExpr()->getType(), Value, Branches > 0);
      Value = Temporary->isXValue() ? "std::move(" + Name + ")" : Name;
    }
    Args += (I > Skip ? ", " : "") + Value;
  }
  Text.insert(*Close, Args);
  DefaultsPassed.insert(Call);
  return !Failed;
}

void Lowerer::keepTemporaries(const Stmt *S, bool All, bool Coroutines) {
  // An initializer_list's array lives as long as the list, which the callee
  // copies from at once.
  if (!S || isa<LambdaExpr, CXXStdInitializerListExpr>(S) || asAwait(S))
    return;
  if (const auto *Call = dyn_cast<CallExpr>(S);
      Call && !checkBoundTemporaries(Call))
    return;
  // Only what C++ evaluates for sure is kept; a temporary in a part it may
  // skip is refused rather than constructed when C++ would not.
  const Stmt *Always = nullptr;
  const Expr *Maybe[2] = {nullptr, nullptr};
  if (const auto *C = dyn_cast<ConditionalOperator>(S))
    Always = C->getCond(), Maybe[0] = C->getTrueExpr(),
    Maybe[1] = C->getFalseExpr();
  else if (const auto *C = dyn_cast<BinaryConditionalOperator>(S))
    Always = C->getCommon(), Maybe[0] = C->getFalseExpr();
  else if (const auto *B = dyn_cast<BinaryOperator>(S); B && B->isLogicalOp())
    Always = B->getLHS(), Maybe[0] = B->getRHS();
  if (Always) {
    for (const Expr *Side : Maybe)
      if (const Expr *Found = keptMaybe(Side, All, Coroutines)) {
        fail(Found->getBeginLoc(), Diag::Unsupported,
             "a temporary in a '?:' branch or on the right of '&&' or '||' "
             "that C++ evaluates before a later 'cosm::await' in the same "
             "expression (store it in a local first)");
        return;
      }
    keepTemporaries(Always, All, Coroutines);
    return;
  }
  if (const auto *Temporary = dyn_cast<MaterializeTemporaryExpr>(S)) {
    if (!keeps(Temporary, All, Coroutines)) {
      // A coroutine handed on (`gather(len(std::string(4, 'w')))`) runs
      // after the statement: the temporaries of its arguments are kept.
      if (coroResultType(Temporary->getSubExpr()->getType()))
        for (const Stmt *Child : Temporary->getSubExpr()->children())
          keepTemporaries(Child, All, Coroutines);
      return;
    }
    // The temporaries its initialiser makes (`make_pair(S("p"), 2)`) live
    // as long as it does, to the end of the full-expression.
    for (const Stmt *Child : Temporary->getSubExpr()->children())
      keepTemporaries(Child, All, Coroutines);
    if (Failed)
      return;
    std::string Name = objectTemp(Temporary->getSubExpr()->getType(),
                                  expr(Temporary->getSubExpr()), Branches > 0);
    replace(Temporary,
            Temporary->isXValue() ? "std::move(" + Name + ")" : Name);
    Kept.insert(Temporary);
    return;
  }
  for (const Stmt *Child : S->children())
    keepTemporaries(Child, All);
}

/// In C++ the temporaries of an awaited expression live until the await
/// ends, and the awaited call may hold references to them (a `const
/// std::string &` parameter bound to "text"): the frame keeps every one of
/// them, with or without a destructor, until the statement ends.
void Lowerer::keepOperandTemporaries(const Expr *Operand) {
  // The coroutine object or handle itself is consumed by the await.
  const Stmt *Top = Operand;
  while (true) {
    if (const auto *E = dyn_cast<ExprWithCleanups>(Top))
      Top = E->getSubExpr();
    else if (const auto *M = dyn_cast<MaterializeTemporaryExpr>(Top))
      Top = M->getSubExpr();
    else if (const auto *B = dyn_cast<CXXBindTemporaryExpr>(Top))
      Top = B->getSubExpr();
    else if (const auto *C = dyn_cast<ImplicitCastExpr>(Top))
      Top = C->getSubExpr();
    else if (const auto *P = dyn_cast<ParenExpr>(Top))
      Top = P->getSubExpr();
    else
      break;
  }
  // An async function may keep a coroutine it takes by reference (a
  // forwarding reference: `Cs &&...cs`) until it awaits it.
  const auto *Call = dyn_cast<CallExpr>(Top);
  const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
  if (Callee && Callee->getPrimaryTemplate())
    Callee = Callee->getPrimaryTemplate()->getTemplatedDecl();
  bool Async = Callee && isAsync(Callee);
  if (Call && !checkBoundTemporaries(Call))
    return;
  for (const Stmt *Child : Top->children())
    keepTemporaries(Child, /*All=*/true, Async);
}

} // namespace cosm
