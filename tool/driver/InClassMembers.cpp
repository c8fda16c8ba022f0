//===- driver/InClassMembers.cpp - Members moved out of their class -------===//
//
// The move is textual, as a user would make it: the declaration stays as
// written (default arguments, `static`, `virtual`, `override`), the body
// becomes `;` and the definition after the class spells only what an
// out-of-line definition may: `inline`, the qualified name, the parameters
// without their defaults, the qualifiers, and the result as a trailing
// return type, where the class's names are in scope as they were.
//
//===----------------------------------------------------------------------===//

#include "driver/InClassMembers.h"
#include "analyse/FunctionPlan.h"
#include "driver/MainFileVisitor.h"
#include "find/AsyncFinder.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/TypeLoc.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "clang/Tooling/Core/Replacement.h"
#include <map>

using namespace clang;

namespace cosm {

/// Ends each directive the move adds, so that the output can drop them.
static constexpr llvm::StringLiteral Marker =
    " // cosm-lower: a member moved out of its class";

namespace {

/// The classes \p M is written in, innermost first; none if one of them
/// cannot be named where the outermost one ends (a local or unnamed class,
/// a template's, a specialization, a class defined outside its own).
SmallVector<const CXXRecordDecl *, 2> namedClasses(const CXXMethodDecl *M) {
  SmallVector<const CXXRecordDecl *, 2> Classes;
  const DeclContext *DC = M->getLexicalDeclContext();
  for (; isa<CXXRecordDecl>(DC); DC = DC->getLexicalParent()) {
    const auto *C = cast<CXXRecordDecl>(DC);
    if (C->isLambda() || !C->getIdentifier() || C->isDependentContext() ||
        isa<ClassTemplateSpecializationDecl>(C) ||
        C->getLexicalDeclContext() != C->getDeclContext())
      return {};
    Classes.push_back(C);
  }
  if (DC->isFunctionOrMethod())
    return {};
  return Classes;
}

/// A local in \p Body that holds one of \p Classes by value, or a lambda
/// stored in a local that copies `*this`.
struct HeldInBody : RecursiveASTVisitor<HeldInBody> {
  ArrayRef<const CXXRecordDecl *> Classes;
  bool Found = false;
  bool VisitVarDecl(VarDecl *V) {
    Found |= holdsByValue(V->getType(), Classes) != nullptr;
    // A lambda kept in a local is lifted into the frame (a called
    // COSM_ASYNC one becomes a frame template instead).
    if (const LambdaExpr *L = V->getInit() ? lambdaIn(V->getInit()) : nullptr)
      Found |= copiesThis(L);
    return !Found;
  }
  static bool copiesThis(const LambdaExpr *L) {
    return llvm::any_of(L->captures(), [](const LambdaCapture &C) {
      return C.capturesThis() && C.getCaptureKind() == LCK_StarThis;
    });
  }
};

/// Whether \p M's frame, nested in \p Classes, would hold one of them.
bool holdsItsClass(const CXXMethodDecl *M,
                   ArrayRef<const CXXRecordDecl *> Classes) {
  if (holdsByValue(M->getReturnType(), Classes))
    return true;
  for (const ParmVarDecl *P : M->parameters())
    if (holdsByValue(P->getType(), Classes))
      return true;
  HeldInBody Held;
  Held.Classes = Classes;
  Held.TraverseStmt(M->getBody());
  return Held.Found;
}

class Mover {
public:
  explicit Mover(ASTContext &Context)
      : SM(Context.getSourceManager()), Lang(Context.getLangOpts()),
        Buffer(SM.getBufferData(SM.getMainFileID())) {}

  /// Moves \p M if it needs it and can be moved; false if it is left.
  bool move(const CXXMethodDecl *M);
  std::optional<std::string> text() const;

private:
  /// The main-file offset of \p Loc, if it is written there.
  std::optional<unsigned> offset(SourceLocation Loc) const {
    if (Loc.isInvalid() || !Loc.isFileID() || !SM.isInMainFile(Loc))
      return std::nullopt;
    return SM.getFileOffset(Loc);
  }
  /// The offset just past the token at \p Loc.
  std::optional<unsigned> tokenEnd(SourceLocation Loc) const {
    return offset(Lexer::getLocForEndOfToken(Loc, 0, SM, Lang));
  }
  /// Calls \p Each with the raw tokens of [Begin, End) and their offsets
  /// while it returns true.
  void
  forEachToken(unsigned Begin, unsigned End,
               llvm::function_ref<bool(unsigned, const Token &)> Each) const;
  std::optional<unsigned> afterClass(const CXXRecordDecl *Outermost) const;
  std::optional<std::string> parameters(const CXXMethodDecl *M,
                                        FunctionTypeLoc Type) const;
  /// A directive (and a line break) after which the text from \p Offset on
  /// keeps its line: the next line's when the rest of the line is blank.
  std::string lineAfter(unsigned Offset) const;
  std::string qualifiers(unsigned Begin, unsigned End) const;

  const SourceManager &SM;
  const LangOptions &Lang;
  StringRef Buffer;
  tooling::Replacements Bodies;
  /// The definitions to insert after each outermost class, in order.
  std::map<unsigned, std::string> Definitions;
};

void Mover::forEachToken(
    unsigned Begin, unsigned End,
    llvm::function_ref<bool(unsigned, const Token &)> Each) const {
  Lexer Raw(SM.getLocForStartOfFile(SM.getMainFileID()), Lang, Buffer.begin(),
            Buffer.begin() + Begin, Buffer.end());
  Token T;
  bool Last = false;
  while (!Last) {
    Last = Raw.LexFromRawLexer(T);
    unsigned At = SM.getFileOffset(T.getLocation());
    if (T.is(tok::eof) || At >= End || !Each(At, T))
      return;
  }
}

/// Just past the `;` that ends the declaration of \p Outermost (`struct A
/// {...} a{1};` included).
std::optional<unsigned>
Mover::afterClass(const CXXRecordDecl *Outermost) const {
  auto Brace = offset(Outermost->getBraceRange().getEnd());
  if (!Brace)
    return std::nullopt;
  int Depth = 0;
  std::optional<unsigned> After;
  forEachToken(*Brace + 1, Buffer.size(), [&](unsigned At, const Token &T) {
    if (T.isOneOf(tok::l_paren, tok::l_brace, tok::l_square))
      ++Depth;
    else if (T.isOneOf(tok::r_paren, tok::r_brace, tok::r_square))
      --Depth;
    else if (T.is(tok::semi) && Depth == 0)
      After = At + 1;
    return !After && Depth >= 0;
  });
  return After;
}

/// The text between \p M's parentheses without the default arguments.
std::optional<std::string> Mover::parameters(const CXXMethodDecl *M,
                                             FunctionTypeLoc Type) const {
  auto Open = offset(Type.getLParenLoc());
  auto Close = offset(Type.getRParenLoc());
  if (!Open || !Close)
    return std::nullopt;
  std::string Text = Buffer.substr(*Open + 1, *Close - *Open - 1).str();
  // Back to front, so that the offsets of the earlier ones hold.
  for (const ParmVarDecl *P : llvm::reverse(M->parameters())) {
    if (!P->hasDefaultArg() && !P->hasUninstantiatedDefaultArg())
      continue;
    SourceRange Default = P->getDefaultArgRange();
    auto Begin = offset(Default.getBegin());
    auto End = tokenEnd(Default.getEnd());
    if (!Begin || !End || *Begin <= *Open || *End > *Close)
      return std::nullopt;
    // The `=` before the default argument (not one in a comment).
    std::optional<unsigned> Equals;
    forEachToken(*Open, *Begin, [&](unsigned At, const Token &T) {
      if (T.is(tok::equal))
        Equals = At;
      return true;
    });
    if (!Equals)
      return std::nullopt;
    Text.erase(*Equals - *Open - 1, *End - *Equals);
  }
  return Text;
}

/// What follows the parameters up to \p End (the body), without `override`,
/// `final` and a trailing return type.
std::string Mover::qualifiers(unsigned Begin, unsigned End) const {
  std::string Text;
  unsigned From = Begin;
  forEachToken(Begin, End, [&](unsigned At, const Token &T) {
    if (T.is(tok::arrow)) {
      End = At;
      return false;
    }
    if (T.is(tok::raw_identifier) && (T.getRawIdentifier() == "override" ||
                                      T.getRawIdentifier() == "final")) {
      Text += Buffer.substr(From, At - From);
      From = At + T.getLength();
    }
    return true;
  });
  Text += Buffer.substr(From, End - From);
  return Text;
}

bool Mover::move(const CXXMethodDecl *M) {
  SmallVector<const CXXRecordDecl *, 2> Classes = namedClasses(M);
  if (Classes.empty() || !holdsItsClass(M, Classes))
    return false;
  FunctionTypeLoc Type = M->getFunctionTypeLoc();
  const Stmt *Body = M->getBody();
  if (!Type || !Body || isa<CXXTryStmt>(Body))
    return false;
  auto BodyBegin = offset(Body->getBeginLoc());
  auto BodyEnd = tokenEnd(Body->getEndLoc());
  auto Close = tokenEnd(Type.getRParenLoc());
  auto Name = offset(M->getLocation());
  auto NameEnd = tokenEnd(M->getNameInfo().getEndLoc());
  auto ResultBegin = offset(Type.getReturnLoc().getBeginLoc());
  auto ResultEnd = tokenEnd(Type.getReturnLoc().getEndLoc());
  auto After = afterClass(Classes.back());
  auto Parameters = parameters(M, Type);
  if (!BodyBegin || !BodyEnd || !Close || !Name || !NameEnd || !ResultBegin ||
      !ResultEnd || !After || !Parameters || *Close > *BodyBegin)
    return false;
  std::string Qualifiers = qualifiers(*Close, *BodyBegin);

  std::string Qualified;
  for (const CXXRecordDecl *C : llvm::reverse(Classes))
    Qualified += C->getName().str() + "::";
  StringRef BodyText = Buffer.slice(*BodyBegin, *BodyEnd);
  std::string Head = "COSM_ASYNC inline auto " + Qualified +
                     Buffer.slice(*Name, *NameEnd).str() + "(" + *Parameters +
                     ")" + StringRef(Qualifiers).rtrim().str() + " -> " +
                     Buffer.slice(*ResultBegin, *ResultEnd).str() + " ";
  // The body's `{` keeps its line (a head written on several lines starts
  // above it).
  unsigned Line = SM.getLineNumber(SM.getMainFileID(), *BodyBegin) -
                  StringRef(Head).count('\n');
  std::string Definition = "#line " + std::to_string(Line) + Marker.str() +
                           "\n" + Head + BodyText.str() + "\n";
  std::string &At = Definitions[*After];
  if (At.empty())
    At = "\n";
  At += Definition;
  // In the class, the body becomes `;`, and what follows it keeps its line.
  llvm::consumeError(Bodies.add(tooling::Replacement(
      "", *BodyBegin, *BodyEnd - *BodyBegin, ";\n" + lineAfter(*BodyEnd))));
  return true;
}

std::string Mover::lineAfter(unsigned Offset) const {
  unsigned Line = SM.getLineNumber(SM.getMainFileID(), Offset);
  size_t End = Buffer.find('\n', Offset);
  if (Buffer.slice(Offset, End).trim().empty())
    return "#line " + std::to_string(Line + 1) + Marker.str();
  return "#line " + std::to_string(Line) + Marker.str() + "\n";
}

std::optional<std::string> Mover::text() const {
  if (Definitions.empty())
    return std::nullopt;
  tooling::Replacements Edits = Bodies;
  for (const auto &[At, Code] : Definitions) {
    std::string Insert = Code + lineAfter(At);
    if (auto Error = Edits.add(tooling::Replacement("", At, 0, Insert))) {
      llvm::consumeError(std::move(Error));
      return std::nullopt;
    }
  }
  auto Text = tooling::applyAllReplacements(Buffer, Edits);
  if (!Text) {
    llvm::consumeError(Text.takeError());
    return std::nullopt;
  }
  return std::move(*Text);
}

/// The COSM_ASYNC members defined in the classes of the main file.
struct InClassDefinitions : MainFileVisitor<InClassDefinitions> {
  std::vector<const CXXMethodDecl *> Found;
  using MainFileVisitor::MainFileVisitor;
  bool VisitCXXMethodDecl(CXXMethodDecl *M) {
    if (M->doesThisDeclarationHaveABody() && !M->isOutOfLine() &&
        !isa<CXXConstructorDecl, CXXDestructorDecl>(M) && !M->isVariadic() &&
        !M->getDescribedFunctionTemplate() && !M->getParent()->isLambda() &&
        isAsync(M))
      Found.push_back(M);
    return true;
  }
};

} // namespace

std::optional<std::string> moveInClassMembers(ASTContext &Context) {
  InClassDefinitions Find(Context.getSourceManager());
  Find.TraverseDecl(Context.getTranslationUnitDecl());
  if (Find.Found.empty())
    return std::nullopt;
  Mover Move(Context);
  for (const CXXMethodDecl *M : Find.Found)
    Move.move(M);
  return Move.text();
}

std::string stripInClassMoves(StringRef Lowered) {
  std::string Result;
  Result.reserve(Lowered.size());
  for (size_t From = 0; From < Lowered.size();) {
    size_t End = std::min(Lowered.find('\n', From), Lowered.size());
    StringRef Line = Lowered.slice(From, End);
    size_t Next = std::min(End + 1, Lowered.size());
    if (!Line.starts_with("#line ") || !Line.ends_with(Marker))
      Result += Lowered.slice(From, Next);
    From = Next;
  }
  return Result;
}

} // namespace cosm
