//===- driver/TextEdits.cpp - Line-keeping edits of the main file ---------===//
//
// Part of cosm. See driver/TextEdits.h.
//
//===----------------------------------------------------------------------===//

#include "driver/TextEdits.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"

using namespace clang;

namespace cosm {

static DynTypedNode parent(ASTContext &Context, const DynTypedNode &N) {
  auto Parents = Context.getParents(N);
  return Parents.empty() ? DynTypedNode() : Parents[0];
}

static unsigned lines(StringRef Code) { return Code.count('\n'); }

TextEdits::TextEdits(ASTContext &Context)
    : Context(Context), SM(Context.getSourceManager()),
      Source(SM.getBufferData(SM.getMainFileID())) {}

std::optional<TextEdits::Range> TextEdits::offsets(SourceRange R) const {
  if (R.isInvalid() || !R.getBegin().isFileID() || !R.getEnd().isFileID() ||
      !SM.isInMainFile(R.getBegin()))
    return std::nullopt;
  unsigned End = SM.getFileOffset(
      Lexer::getLocForEndOfToken(R.getEnd(), 0, SM, Context.getLangOpts()));
  return Range{SM.getFileOffset(R.getBegin()), End};
}

std::string TextEdits::fresh(StringRef Stem) const {
  std::string Name = Stem.str();
  for (unsigned I = 2; Source.contains(Name); ++I)
    Name = (Stem + "_" + Twine(I)).str();
  return Name;
}

bool TextEdits::declareBefore(const Expr *E, const std::string &Declaration) {
  DynTypedNode N = DynTypedNode::create(*E);
  for (DynTypedNode P = parent(Context, N); !P.getNodeKind().isNone();
       N = P, P = parent(Context, P)) {
    const Stmt *S = N.get<Stmt>();
    if (!S) {
      if (N.get<VarDecl>() || N.get<DeclStmt>())
        continue;
      return false;
    }
    if (P.get<CompoundStmt>())
      return insertBefore(S, Declaration, /*Wrap=*/false);
    const Stmt *Parent = P.get<Stmt>();
    if (!Parent)
      continue; // a declaration: its statement is further up
    // The body of an if, a loop, a label: braces give it a scope.
    bool Body = false;
    if (const auto *If = dyn_cast<IfStmt>(Parent))
      Body = S == If->getThen() || S == If->getElse();
    else if (const auto *For = dyn_cast<ForStmt>(Parent))
      Body = S == For->getBody();
    else if (const auto *Range = dyn_cast<CXXForRangeStmt>(Parent))
      Body = S == Range->getBody();
    else if (const auto *While = dyn_cast<WhileStmt>(Parent))
      Body = S == While->getBody();
    else if (const auto *Do = dyn_cast<DoStmt>(Parent))
      Body = S == Do->getBody();
    else if (const auto *Case = dyn_cast<SwitchCase>(Parent))
      Body = S == Case->getSubStmt();
    else if (const auto *Label = dyn_cast<LabelStmt>(Parent))
      Body = S == Label->getSubStmt();
    if (Body)
      return insertBefore(S, Declaration, /*Wrap=*/true);
  }
  return false;
}

bool TextEdits::insertBefore(const Stmt *S, const std::string &Declaration,
                             bool Wrap) {
  auto Where = offsets(S->getSourceRange());
  if (!Where)
    return false;
  // A statement ends at its `;`, which its range leaves out (but for a
  // declaration's).
  unsigned End = Where->second;
  if (Wrap && !isa<CompoundStmt, IfStmt, ForStmt, CXXForRangeStmt, WhileStmt,
                   SwitchStmt, CXXTryStmt, DeclStmt>(S)) {
    std::optional<Token> Semi =
        Lexer::findNextToken(S->getEndLoc(), SM, Context.getLangOpts());
    if (!Semi || Semi->isNot(tok::semi))
      return false;
    End = SM.getFileOffset(Semi->getEndLoc());
  }
  std::string &Before = Inserts[Where->first];
  if (Wrap && Wrapped.insert(Where->first).second) {
    Before.insert(0, "{ ");
    Inserts[End] += " }";
  }
  Before += Declaration + " ";
  return true;
}

bool TextEdits::replace(Range R, std::string Code) {
  // Later lines keep their numbers.
  for (unsigned I = lines(Code); I < lines(text(R)); ++I)
    Code += "\n";
  // Expansions are outermost only, so replacements overlap only when one
  // expression holds two of them.
  auto Next = Replaced.lower_bound(R.first);
  if ((Next != Replaced.end() && Next->first < R.second) ||
      (Next != Replaced.begin() && std::prev(Next)->second.first > R.first))
    return false;
  Replaced[R.first] = {R.second, std::move(Code)};
  return true;
}

std::string TextEdits::apply() const {
  std::set<unsigned> Points;
  for (const auto &Insert : Inserts)
    Points.insert(Insert.first);
  for (const auto &Replacement : Replaced)
    Points.insert(Replacement.first);
  std::string Text;
  unsigned Done = 0;
  for (unsigned At : Points) {
    Text += Source.slice(Done, At).str();
    Done = At;
    if (auto Insert = Inserts.find(At); Insert != Inserts.end())
      Text += Insert->second;
    if (auto Replacement = Replaced.find(At); Replacement != Replaced.end()) {
      Text += Replacement->second.second;
      Done = Replacement->second.first;
    }
  }
  return Text + Source.substr(Done).str();
}

} // namespace cosm
