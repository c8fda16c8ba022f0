//===- driver/MacroExpansion.cpp - Awaits written in macros ---------------===//

#include "driver/MacroExpansion.h"
#include "find/AsyncFinder.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/CharInfo.h"
#include "clang/Lex/Lexer.h"
#include "clang/Lex/MacroInfo.h"
#include <utility>

using namespace clang;

namespace cosm {

/// True if two tokens ending and starting with \p Left and \p Right would
/// read as one token (or a comment) without a space between them.
static bool wouldJoin(char Left, char Right) {
  auto Word = [](char C) { return isAlphanumeric(C) || C == '_'; };
  StringRef Operators = "+-*/%<>=&|!^.:#";
  return (Word(Left) && (Word(Right) || Right == '"' || Right == '\'')) ||
         (Operators.contains(Left) && Operators.contains(Right));
}

namespace {
/// Notes the invocations that expand a macro naming the place (__LINE__,
/// __FILE__): the builtin macro is expanded inside another macro's
/// expansion, whose outermost invocation is in the main file.
class PlaceMacros : public PPCallbacks {
public:
  PlaceMacros(const SourceManager &SM, std::set<unsigned> &Found)
      : SM(SM), Found(Found) {}
  void MacroExpands(const Token &Name, const MacroDefinition &Definition,
                    SourceRange, const MacroArgs *) override {
    const MacroInfo *Info = Definition.getMacroInfo();
    if (!Info || !Info->isBuiltinMacro() || !Name.getLocation().isMacroID() ||
        SM.isInSystemHeader(SM.getSpellingLoc(Name.getLocation())) ||
        !llvm::is_contained(
            {"__LINE__", "__FILE__", "__FILE_NAME__", "__BASE_FILE__"},
            Name.getIdentifierInfo()->getName()))
      return;
    SourceLocation Invocation = SM.getExpansionLoc(Name.getLocation());
    if (SM.isWrittenInMainFile(Invocation))
      Found.insert(SM.getFileOffset(Invocation));
  }

private:
  const SourceManager &SM;
  std::set<unsigned> &Found;
};
} // namespace

void MacroTokens::attach(Preprocessor &PP) {
  PP.addPPCallbacks(
      std::make_unique<PlaceMacros>(PP.getSourceManager(), NamePlace));
  // Each token once: tokens the parser backtracks over come back marked
  // IsReinjected and are not reported again.
  PP.setTokenWatcher([this, &PP,
                      LastAsync = SourceLocation()](const Token &Tok) mutable {
    if (Tok.is(tok::eof) || Tok.isAnnotation() ||
        !Tok.getLocation().isMacroID())
      return;
    const SourceManager &SM = PP.getSourceManager();
    SourceLocation Invocation = SM.getExpansionLoc(Tok.getLocation());
    if (!SM.isWrittenInMainFile(Invocation))
      return;
    std::string &Text = Expansions[SM.getFileOffset(Invocation)];
    std::string Spelling = PP.getSpelling(Tok);
    // COSM_ASYNC stays a name: what it expands to under COSM_LOWERING is an
    // attribute only Clang knows, which g++ would warn about.
    if (Lexer::getImmediateMacroName(Tok.getLocation(), SM, PP.getLangOpts()) ==
        "COSM_ASYNC") {
      SourceLocation Use =
          SM.getImmediateExpansionRange(Tok.getLocation()).getBegin();
      if (Use == LastAsync)
        return;
      LastAsync = Use;
      Spelling = "COSM_ASYNC";
    }
    if (!Text.empty() && !Spelling.empty() &&
        wouldJoin(Text.back(), Spelling.front()))
      Text += ' ';
    Text += Spelling;
  });
}

namespace {
/// The main-file ranges of the outermost macro invocations that produce
/// what the lowering rewrites: an await, and in a COSM_ASYNC function a
/// return, a jump, a declaration or an implicit `this`.
class RewrittenInMacros : public RecursiveASTVisitor<RewrittenInMacros> {
  using Base = RecursiveASTVisitor<RewrittenInMacros>;

public:
  RewrittenInMacros(const SourceManager &SM,
                    const std::set<unsigned> &NamePlace)
      : SM(SM), NamePlace(NamePlace) {}

  // Whether the innermost function (or lambda) is COSM_ASYNC.
  bool TraverseDecl(Decl *D) {
    if (!D || !isa<FunctionDecl>(D))
      return Base::TraverseDecl(D);
    bool Saved = std::exchange(InAsync, isAsync(D));
    bool Result = Base::TraverseDecl(D);
    InAsync = Saved;
    return Result;
  }
  bool TraverseLambdaExpr(LambdaExpr *L) {
    bool Saved = std::exchange(InAsync, isAsync(L->getCallOperator()));
    bool Result = Base::TraverseLambdaExpr(L);
    InAsync = Saved;
    return Result;
  }

  bool VisitCallExpr(CallExpr *Call) {
    if (asAwait(Call))
      note(Call->getBeginLoc());
    return true;
  }
  bool VisitStmt(Stmt *S) {
    if (InAsync && (isa<ReturnStmt, BreakStmt, ContinueStmt, GotoStmt, DeclStmt,
                        CXXThisExpr>(S) ||
                    namesPlace(S)))
      note(S->getBeginLoc());
    return true;
  }

  std::map<unsigned, CharSourceRange> Ranges;

private:
  /// A macro of the program whose text names the function or the line.
  /// A system header's (assert) is left alone: expanded, it would no
  /// longer follow the compile's NDEBUG.
  bool namesPlace(const Stmt *S) const {
    SourceLocation Begin = S->getBeginLoc();
    if (!Begin.isMacroID() || SM.isInSystemMacro(Begin))
      return false;
    return isa<PredefinedExpr>(S) ||
           NamePlace.count(SM.getFileOffset(SM.getExpansionLoc(Begin)));
  }
  void note(SourceLocation Begin) {
    if (!Begin.isMacroID())
      return;
    CharSourceRange Range = SM.getExpansionRange(Begin);
    if (SM.isWrittenInMainFile(Range.getBegin()))
      Ranges[SM.getFileOffset(Range.getBegin())] = Range;
  }
  const SourceManager &SM;
  const std::set<unsigned> &NamePlace;
  bool InAsync = false;
};
} // namespace

std::optional<std::string>
MacroTokens::expandRewritten(ASTContext &Context) const {
  const SourceManager &SM = Context.getSourceManager();
  RewrittenInMacros Find(SM, NamePlace);
  Find.TraverseDecl(Context.getTranslationUnitDecl());
  if (Find.Ranges.empty())
    return std::nullopt;
  StringRef Source = SM.getBufferData(SM.getMainFileID());
  std::string Text;
  unsigned Done = 0;
  for (const auto &[Begin, Range] : Find.Ranges) {
    CharSourceRange Chars =
        Lexer::makeFileCharRange(Range, SM, Context.getLangOpts());
    auto Tokens = Expansions.find(Begin);
    if (Chars.isInvalid() || Begin < Done || Tokens == Expansions.end())
      continue; // reported as an await in a macro when lowered
    unsigned End = SM.getFileOffset(Chars.getEnd());
    // The expansion first (a __LINE__ in it keeps its value), then the
    // invocation, whose line breaks keep the lines after it in place.
    std::string Invocation = Source.substr(Begin, End - Begin).str();
    for (size_t At; (At = Invocation.find("*/")) != std::string::npos;)
      Invocation.replace(At, 2, "* /");
    Text += Source.substr(Done, Begin - Done).str() + Tokens->second +
            " /* expanded: " + Invocation + " */";
    Done = End;
  }
  if (Done == 0)
    return std::nullopt;
  return Text + Source.substr(Done).str();
}

} // namespace cosm
