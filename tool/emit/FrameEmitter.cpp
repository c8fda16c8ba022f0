//===- emit/FrameEmitter.cpp - An async function as a frame struct --------===//
//
// resume() is written as one switch on `state` that jumps to a label at the
// resume point, followed by the body. Every resume point is a label; a label
// inside a try block is reached through a second switch at the top of that
// block, because C++ forbids jumping into a try block from outside.
//
//===----------------------------------------------------------------------===//

#include "emit/FrameEmitter.h"
#include "emit/Output.h"
#include "find/AsyncFinder.h"
#include "support/Diagnostics.h"
#include "clang/AST/Attr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "llvm/Support/FormatVariadic.h"
#include <functional>
#include <set>

using namespace clang;

namespace cosm {
namespace {

/// A member the generated code adds to the frame.
struct Member {
  std::string Type;
  std::string Name;
  bool InUnion = false;
};

/// A value kept for the rest of a full-expression: destroyed (Object) or
/// released (handle) when the statement ends.
struct Temp {
  std::string Name;
  int LiveBit = -1;   ///< an Object with a destructor
  bool Maybe = false; ///< constructed on one branch only
};

/// A statement `break` or `continue` can leave.
struct JumpTarget {
  bool IsLoop;
  size_t ScopeDepth;       ///< the scopes alive outside the statement
  std::string ContinueTo;  ///< a label when `continue` cannot be used
  bool ContinueUsed = false;
};

/// A try block that contains resume points, being emitted.
/// A region that contains resume points the top-level switch cannot jump
/// to directly: a try block, or a branch of an `if constexpr`. Control
/// enters through the label Entry, before it, and a switch inside.
struct TryBlock {
  unsigned Id;
  std::vector<std::pair<unsigned, std::string>> Cases; ///< state -> label
  std::vector<std::pair<std::string, int>> Objects;    ///< for the handlers
  std::string Entry;
};

/// True if a frame object of \p Type must be destroyed (assumed for a type
/// that depends on a template parameter).
static bool needsDestruction(QualType Type) {
  return Type->isDependentType() || Type.isDestructedType();
}

/// How parameter \p P, under the name \p Name, is passed on to the frame:
/// moved when it is the function's own copy or an rvalue reference,
/// forwarded when it is a forwarding reference (`T &&` of the template).
static std::string passed(const VarDecl *P, const std::string &Name) {
  QualType Type = P->getType();
  if (const auto *Ref = Type->getAs<RValueReferenceType>()) {
    QualType Pointee = Ref->getPointeeType();
    if (!Pointee.hasQualifiers() && Pointee->getAs<TemplateTypeParmType>())
      return "std::forward<" + Pointee.getAsString() + ">(" + Name + ")";
    return "std::move(" + Name + ")";
  }
  if (!Type->isReferenceType() && !Type->isScalarType())
    return "std::move(" + Name + ")";
  return Name;
}

class Emitter {
public:
  Emitter(FunctionPlan &Plan, ASTContext &Context, EditedText &Text,
          const LineDirectives *Lines)
      : Plan(Plan), Context(Context), Text(Text),
        Diags(Context.getDiagnostics()), Lines(Lines) {}

  std::optional<LoweredFunction> run();

private:
  // Output. With line directives, each piece of code that starts a line
  // says which user line it implements (CurrentLine).
  bool atLineStart() const { return Out.empty() || Out.back() == '\n'; }
  void emit(StringRef S) {
    if (Lines && CurrentLine && atLineStart() && !S.empty())
      Out += Lines->directive(CurrentLine);
    Out += S;
  }
  /// Generated code that is all about one construct: every line maps to it.
  void glue(StringRef S) {
    if (Lines && CurrentLine && atLineStart())
      Out += Lines->markEachLine(S, CurrentLine);
    else
      Out += S;
  }
  /// The user's code as written: its lines keep their own numbers.
  void emitUser(StringRef S, SourceLocation Begin) {
    if (Lines)
      if (unsigned Line = Lines->line(Begin); Line && atLineStart())
        Out += Lines->directive(Line);
    Out += S;
  }
  /// \p S with every line mapped to \p Line (when directives are on).
  std::string mapped(StringRef S, unsigned Line) const {
    return Lines && Line ? Lines->markEachLine(S, Line) : S.str();
  }
  /// The line of the function's name: where its frame and glue map.
  unsigned functionLine() const {
    return Lines ? Lines->line(Plan.function()->getLocation()) : 0;
  }
  /// Makes the code emitted in its lifetime map to \p Loc's line.
  class AtLine {
  public:
    AtLine(Emitter &E, SourceLocation Loc) : E(E), Saved(E.CurrentLine) {
      if (E.Lines)
        if (unsigned Line = E.Lines->line(Loc))
          E.CurrentLine = Line;
    }
    ~AtLine() { E.CurrentLine = Saved; }

  private:
    Emitter &E;
    unsigned Saved;
  };
  std::string member(std::string Type, StringRef Stem, bool InUnion = false) {
    std::string Name = Plan.freshName(Stem);
    Members.push_back({std::move(Type), Name, InUnion});
    return Name;
  }
  bool fail(SourceLocation Loc, Diag Kind, StringRef Arg = {}) {
    if (!Failed)
      report(Diags, Loc, Kind, Arg);
    Failed = true;
    return false;
  }
  std::optional<Span> spanOf(const Stmt *S) {
    auto Where = Text.span(S->getSourceRange());
    if (!Where)
      fail(S->getBeginLoc(), Diag::InMacro, "this code");
    return Where;
  }
  std::string render(const Stmt *S) {
    auto Where = spanOf(S);
    return Where ? Text.render(*Where) : std::string();
  }
  void replace(const Stmt *S, std::string With) {
    if (auto Where = spanOf(S))
      Text.replace(*Where, std::move(With));
  }

  // Scopes, and what ends with each: the frame objects declared in it (and
  // a caught exception whose handler runs outside its try statement).
  void pushScope() { Scopes.emplace_back(); }
  void popScope() {
    destroy(Scopes.back());
    Scopes.pop_back();
  }
  void destroy(const std::vector<std::string> &Cleanups) {
    for (auto It = Cleanups.rbegin(); It != Cleanups.rend(); ++It)
      emit(*It);
  }
  void destroyScopesFrom(size_t Depth) {
    for (size_t I = Scopes.size(); I-- > Depth;)
      destroy(Scopes[I]);
  }
  std::string destroyCode(const std::string &Name, int LiveBit) const {
    return llvm::formatv("{2}.reset({0});\nstd::destroy_at(&{1});\n", LiveBit,
                         Name, Plan.LiveName)
        .str();
  }
  /// Destroys \p Name if it is alive (where control may or may not have
  /// constructed it).
  std::string destroyIfLive(const std::string &Name, int LiveBit) const {
    return llvm::formatv("if ({0}[{1}]) {\n", Plan.LiveName, LiveBit).str() +
           destroyCode(Name, LiveBit) + "}\n";
  }
  /// Marks \p Bit's object alive. Bits are numbered in the plan, but the
  /// frame's unwind() must destroy in reverse order of construction, which
  /// is the order the code that sets them is emitted in.
  void setLive(int Bit) {
    emit(llvm::formatv("{0}.set({1});\n", Plan.LiveName, Bit).str());
    if (llvm::find(Constructed, Bit) == Constructed.end())
      Constructed.push_back(Bit);
  }
  void constructed(const std::string &Name, int LiveBit) {
    if (LiveBit < 0)
      return;
    setLive(LiveBit);
    Scopes.back().push_back(destroyCode(Name, LiveBit));
    if (!Tries.empty())
      Tries.back().Objects.push_back({Name, LiveBit});
  }

  // Statements.
  void stmt(const Stmt *S);
  void block(const Stmt *S);
  void compound(const CompoundStmt *C, bool Braces = true);
  void comments(Span Gap, bool AfterStatement);
  void declStmt(const DeclStmt *D);
  void localType(const DeclStmt *D);
  void construct(const FrameVar &V);
  std::string constructArgs(const VarDecl *D);
  void returnStmt(const ReturnStmt *R);
  std::string head(const Stmt *Init, const DeclStmt *Variable,
                   const Expr *Cond);
  std::string forCondition(const ForStmt *F);
  void ifStmt(const IfStmt *I);
  void constexprIf(const IfStmt *I);
  void dependentConstexprIf(const IfStmt *I);
  void branchRegion(unsigned Id, const Stmt *Branch);
  void whileStmt(const WhileStmt *W);
  void doStmt(const DoStmt *D);
  void forStmt(const ForStmt *F);
  void rangeFor(const CXXForRangeStmt *F);
  void switchStmt(const SwitchStmt *S);
  void tryStmt(const CXXTryStmt *T);
  void jump(const Stmt *S);
  void loopBody(const Stmt *Body, std::string ContinueTo = {});

  // Expressions.
  std::string expr(const Expr *E);
  std::string await(const CallExpr *A);
  std::string childType(const Expr *Operand);
  std::string logical(const BinaryOperator *B);
  std::string conditional(const AbstractConditionalOperator *C);
  std::string spill(const Expr *E, const std::string &Value);
  void keepTemporaries(const Stmt *S, bool All = false);
  void keepOperandTemporaries(const Expr *Operand);
  bool embedFrame(const Expr *Operand);
  std::string objectTemp(QualType Type, const std::string &Value, bool Maybe);
  std::string condition(const Expr *E);
  void endFullExpression();
  void resumePoint(unsigned State);

  // Assembly.
  std::string dispatch(const std::vector<std::pair<unsigned, std::string>> &Cases,
                       bool Reset);
  std::string frameStruct(const std::string &Body);
  std::string function();

  FunctionPlan &Plan;
  ASTContext &Context;
  EditedText &Text;
  DiagnosticsEngine &Diags;
  bool Failed = false;
  const LineDirectives *Lines;
  unsigned CurrentLine = 0;

  std::string Out;
  std::vector<Suspension> Suspensions;
  std::vector<Member> Members;
  std::vector<std::vector<std::string>> Scopes;
  std::vector<JumpTarget> Targets;
  std::vector<TryBlock> Tries;
  std::vector<std::pair<unsigned, std::string>> TopCases;
  std::map<unsigned, std::string> TryDispatch;
  std::vector<Temp> Temps;
  std::vector<std::string> Handles;
  std::vector<std::string> Children;
  /// The slot that holds the frame of an awaited coroutine defined above,
  /// and the frames it must fit.
  std::string ChildSlot;
  std::vector<std::string> SlotFrames;
  /// Objects the generated code keeps (temporaries, ranges): bit, name.
  std::vector<std::pair<int, std::string>> TempBits;
  /// The types the function declares, by name, with their declarations.
  struct LocalType {
    std::string Name;
    std::string Code;
  };
  std::vector<LocalType> LocalTypes;
  std::string NestedTypes;
  /// The `if constexpr` branches with resume points: their entry labels.
  std::set<unsigned> UsedEntries;
  /// A second local type of a name already declared, if any.
  SourceLocation Clash;
  /// Live bits in the order their objects are constructed.
  std::vector<int> Constructed;
  /// Temporaries already moved into the frame by keepTemporaries().
  std::set<const Stmt *> Kept;
  /// The function's declaration, when the frame must see it first.
  std::string Declaration;
  unsigned States = 0;
  unsigned TryCount = 0;
  unsigned Branches = 0;
};

//===----------------------------------------------------------------------===//
// Statements
//===----------------------------------------------------------------------===//

void Emitter::stmt(const Stmt *S) {
  if (Failed)
    return;
  AtLine Here(*this, S->getBeginLoc());
  switch (S->getStmtClass()) {
  case Stmt::CompoundStmtClass:
    return compound(cast<CompoundStmt>(S));
  case Stmt::DeclStmtClass:
    return declStmt(cast<DeclStmt>(S));
  case Stmt::ReturnStmtClass:
    return returnStmt(cast<ReturnStmt>(S));
  case Stmt::IfStmtClass:
    return ifStmt(cast<IfStmt>(S));
  case Stmt::WhileStmtClass:
    return whileStmt(cast<WhileStmt>(S));
  case Stmt::DoStmtClass:
    return doStmt(cast<DoStmt>(S));
  case Stmt::ForStmtClass:
    return forStmt(cast<ForStmt>(S));
  case Stmt::CXXForRangeStmtClass:
    return rangeFor(cast<CXXForRangeStmt>(S));
  case Stmt::SwitchStmtClass:
    return switchStmt(cast<SwitchStmt>(S));
  case Stmt::CXXTryStmtClass:
    return tryStmt(cast<CXXTryStmt>(S));
  case Stmt::BreakStmtClass:
  case Stmt::ContinueStmtClass:
    return jump(S);
  case Stmt::NullStmtClass:
    return emit(";\n");
  case Stmt::CaseStmtClass: {
    const auto *Case = cast<CaseStmt>(S);
    emit("case " + render(Case->getLHS()));
    if (Case->getRHS())
      emit(" ... " + render(Case->getRHS()));
    emit(":\n");
    return stmt(Case->getSubStmt());
  }
  case Stmt::DefaultStmtClass:
    emit("default:\n");
    return stmt(cast<DefaultStmt>(S)->getSubStmt());
  case Stmt::AttributedStmtClass: {
    const auto *Attributed = cast<AttributedStmt>(S);
    if (isa<NullStmt>(Attributed->getSubStmt()))
      return emit(render(S) + ";\n"); // [[fallthrough]];
    return stmt(Attributed->getSubStmt());
  }
  default:
    break;
  }
  if (const auto *E = dyn_cast<Expr>(S)) {
    bool Suspends = Plan.containsAwait(E);
    std::string Value = expr(E);
    if (Suspends)
      emit(Value + ";\n");
    else
      emitUser(Value + ";\n", S->getBeginLoc());
    return endFullExpression();
  }
  if (Plan.containsAwait(S)) {
    fail(S->getBeginLoc(), Diag::Unsupported,
         std::string("'cosm::await' in a ") + S->getStmtClassName());
    return;
  }
  emitUser(render(S) + "\n", S->getBeginLoc());
}

void Emitter::block(const Stmt *S) {
  if (const auto *C = dyn_cast<CompoundStmt>(S))
    return compound(C);
  emit("{\n");
  pushScope();
  stmt(S);
  popScope();
  emit("}\n");
}

static bool isFallthrough(const Stmt *S) {
  const auto *Attributed = dyn_cast<AttributedStmt>(S);
  return Attributed && isa<NullStmt>(Attributed->getSubStmt());
}

void Emitter::compound(const CompoundStmt *C, bool Braces) {
  if (Braces)
    emit("{\n");
  pushScope();
  auto Previous = Text.offset(C->getLBracLoc());
  unsigned Cursor = Previous ? *Previous + 1 : 0;
  for (const Stmt *Child : C->body()) {
    // A closing `[[fallthrough]];` must stay last: the scope ends before it.
    if (Child == C->body_back() && isFallthrough(Child)) {
      popScope();
      emit(render(Child) + ";\n");
      if (Braces)
        emit("}\n");
      return;
    }
    if (auto Where = Text.span(Child->getSourceRange())) {
      if (Where->Begin >= Cursor)
        comments({Cursor, Where->Begin}, Child != C->body_front());
      Cursor = std::max(Cursor, Where->End);
    }
    stmt(Child);
  }
  if (auto End = Text.offset(C->getRBracLoc()); End && *End >= Cursor)
    comments({Cursor, *End}, !C->body_empty());
  // After a final return, break or continue the scope's end is unreachable.
  if (!C->body_empty() &&
      isa<ReturnStmt, BreakStmt, ContinueStmt>(C->body_back()))
    Scopes.pop_back();
  else
    popScope();
  if (Braces)
    emit("}\n");
}

/// The comments in \p Gap, each on its own line; except that a comment on
/// the line where the previous statement ends stays at its end.
void Emitter::comments(Span Gap, bool AfterStatement) {
  std::string All = Text.comments(Gap);
  if (All.empty())
    return;
  StringRef Before = Text.original(Gap);
  Before = Before.substr(0, std::min(Before.find("//"), Before.find("/*")));
  StringRef First = StringRef(All).split('\n').first;
  bool Whole = First.starts_with("//") || First.ends_with("*/");
  StringRef LastLine = StringRef(Out).drop_back().rsplit('\n').second;
  bool Marker = LastLine.find_first_of("\x01\x02\x03") != StringRef::npos;
  if (AfterStatement && Whole && !Marker && !Before.contains('\n') &&
      !Out.empty() && Out.back() == '\n') {
    Out.pop_back();
    Out += " " + First.str() + "\n";
    All.erase(0, First.size() + 1);
  }
  emit(All);
}

void Emitter::declStmt(const DeclStmt *D) {
  if (llvm::all_of(D->decls(), [](const Decl *Each) {
        return isa<TagDecl, TypedefNameDecl>(Each);
      }))
    return localType(D);
  const FrameVar *Hoisted = nullptr;
  for (const Decl *Each : D->decls())
    if (const auto *V = dyn_cast<VarDecl>(Each))
      if (const FrameVar *FV = Plan.frameVar(V))
        Hoisted = FV;
  if (!Hoisted) {
    // An ordinary local: kept as written, after its awaits.
    bool Constant = false;
    for (const Decl *Each : D->decls())
      if (const auto *V = dyn_cast<VarDecl>(Each)) {
        if (V->getInit() && Plan.containsAwait(V->getInit()))
          replace(V->getInit(), expr(V->getInit()));
        Constant |= Plan.StaticConstants.count(V) != 0;
      }
    std::string Code = render(D);
    // A resumption may jump past a constant: only a static allows it.
    if (Constant) {
      size_t Attributes = StringRef(Code).starts_with("[[")
                              ? Code.find("]]")
                              : std::string::npos;
      if (Attributes == std::string::npos)
        Code.insert(0, "static ");
      else
        Code.insert(Attributes + 2, " static");
    }
    emitUser(Code + "\n", D->getBeginLoc());
    return endFullExpression();
  }
  for (const Decl *Each : D->decls()) {
    const auto *V = dyn_cast<VarDecl>(Each);
    const FrameVar *FV = V ? Plan.frameVar(V) : nullptr;
    if (!FV) {
      fail(Each->getLocation(), Diag::Unsupported,
           "a declaration that mixes locals kept in the frame with others");
      return;
    }
    construct(*FV);
  }
}

/// A type declared in the function stays where it is, unless a frame member
/// names it: then every local type moves into the frame struct, as a nested
/// type that resume() sees under the same name. Which of the two is known
/// once every member is, so the declaration leaves a mark for run().
void Emitter::localType(const DeclStmt *D) {
  auto Where = spanOf(D);
  if (!Where)
    return;
  for (const Decl *Each : D->decls())
    if (const auto *Named = dyn_cast<NamedDecl>(Each)) {
      // Nested in the frame, two types of one name would clash.
      if (Named->getIdentifier() && !Clash.isValid())
        for (const auto &Earlier : LocalTypes)
          if (Earlier.Name == Named->getName())
            Clash = Named->getLocation();
      LocalTypes.push_back({Named->getName().str(), {}});
    }
  LocalTypes.back().Code = Text.render(*Where);
  emit(llvm::formatv("\x02{0}\x02\n", LocalTypes.size() - 1).str());
}

void Emitter::construct(const FrameVar &V) {
  const VarDecl *D = V.Decl;
  const Expr *Init = D->getInit();
  switch (V.Store) {
  case Storage::Plain:
    if (Init) {
      emit(V.Name + " = " + expr(Init) + ";\n");
      endFullExpression();
    }
    return;
  case Storage::Pointer:
    emit(V.Name + " = std::addressof(" + expr(Init) + ");\n");
    return endFullExpression();
  case Storage::Ref:
    return;
  case Storage::Object:
    break;
  }
  std::string Args;
  if (D->getType()->isReferenceType()) {
    // The temporary the reference extends lives in the frame.
    const auto *Temp = cast<MaterializeTemporaryExpr>(boundExpr(Init));
    Args = "(" + expr(Temp->getSubExpr()) + ")";
  } else {
    Args = constructArgs(D);
  }
  emit("::new (&" + V.Name + ") " + V.Type + Args + ";\n");
  endFullExpression();
  constructed(V.Name, V.LiveBit);
}

std::string Emitter::constructArgs(const VarDecl *D) {
  const Expr *Init = D->getInit();
  if (!Init)
    return "";
  const Expr *Bare = Init->IgnoreImplicit();
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(Bare)) {
    SourceRange Parens = Construct->getParenOrBraceRange();
    if (Parens.isValid() && D->getInitStyle() != VarDecl::CInit) {
      if (Plan.containsAwait(Construct))
        for (const Expr *Arg : Construct->arguments())
          if (Plan.containsAwait(Arg))
            replace(Arg, expr(Arg));
      auto Where = Text.span(Parens);
      if (!Where) {
        fail(D->getLocation(), Diag::InMacro, "this initialiser");
        return "";
      }
      return Text.render(*Where);
    }
    bool Defaulted = llvm::all_of(Construct->arguments(), [](const Expr *Arg) {
      return isa<CXXDefaultArgExpr>(Arg);
    });
    // `T x;`, whatever default arguments the constructor takes.
    if (Defaulted && !Parens.isValid())
      return "";
    if (Construct->getNumArgs() == 0)
      return "{}";
  }
  std::string Value = expr(Init);
  if (isa<InitListExpr>(Bare) || StringRef(Value).ltrim().starts_with("{"))
    return Value;
  return "(" + Value + ")";
}

/// True if `return E;` would move from E (C++17's implicit move).
static bool movesOnReturn(const Expr *E) {
  E = E->IgnoreImplicit();
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(E))
    if (Construct->getNumArgs() == 1)
      E = Construct->getArg(0)->IgnoreImplicit();
  const auto *Ref = dyn_cast<DeclRefExpr>(E->IgnoreParens());
  const auto *V = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  return V && V->hasLocalStorage() && !V->getType()->isReferenceType() &&
         !V->getType()->isScalarType();
}

/// The value a `return` statement gives, under the conversion to Coro<T>
/// that only exists while cosm-lower parses.
static const Expr *returnedValue(const ReturnStmt *R) {
  const Expr *Value = R->getRetValue();
  if (!Value)
    return nullptr;
  const Expr *Bare = Value->IgnoreImplicit();
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(Bare))
    if (coroResultType(Construct->getType()) && Construct->getNumArgs() == 1)
      return Construct->getArg(0);
  if (const auto *Cast = dyn_cast<CXXFunctionalCastExpr>(Bare))
    return Cast;
  return Value;
}

void Emitter::returnStmt(const ReturnStmt *R) {
  if (const Expr *Value = returnedValue(R)) {
    std::string Text = expr(Value);
    if (Value->getType()->isVoidType()) {
      emit(Text + ";\n");
    } else {
      if (movesOnReturn(Value))
        Text = "std::move(" + Text + ")";
      emit("return_value(" + Text + ");\n");
    }
    endFullExpression();
  }
  destroyScopesFrom(0);
  emit("return finish();\n");
}

std::string Emitter::condition(const Expr *E) {
  std::string Value = expr(E);
  if (Temps.empty() && Handles.empty())
    return Value;
  // The condition's temporaries end with it: keep only its value.
  std::string Name = member("bool", "condition");
  emit(Name + " = static_cast<bool>(" + Value + ");\n");
  endFullExpression();
  return Name;
}

std::string Emitter::head(const Stmt *Init, const DeclStmt *Variable,
                          const Expr *Cond) {
  std::string Head;
  if (Init)
    Head = render(Init) + (isa<DeclStmt>(Init) ? " " : "; ");
  // The condition of `if (T *p = f())` is the conversion of p: the
  // declaration is what the user wrote.
  return Head + (Variable ? render(Variable) : render(Cond));
}

void Emitter::ifStmt(const IfStmt *I) {
  if (I->isConstexpr() && Plan.containsAwait(I))
    return constexprIf(I);
  if (I->getInit() || I->getConditionVariable()) {
    // Refused when they suspend (FunctionPlan): kept as written.
    emit(std::string(I->isConstexpr() ? "if constexpr (" : "if (") +
         head(I->getInit(), I->getConditionVariableDeclStmt(), I->getCond()) +
         ") ");
    block(I->getThen());
    if (I->getElse()) {
      emit("else ");
      block(I->getElse());
    }
    return;
  }
  std::string Cond = condition(I->getCond());
  emit(std::string(I->isConstexpr() ? "if constexpr (" : "if (") + Cond +
       ") ");
  block(I->getThen());
  if (I->getElse()) {
    emit("else ");
    block(I->getElse());
  }
}

/// An `if constexpr` with a resume point inside: the dispatch cannot jump
/// into it, so only the branch the condition selects is emitted (the other
/// is discarded by C++ all the same).
void Emitter::constexprIf(const IfStmt *I) {
  const Expr *Cond = I->getCond();
  if (I->getInit()) {
    fail(I->getBeginLoc(), Diag::Unsupported,
         "an 'if constexpr' with an init-statement that suspends");
    return;
  }
  if (Cond->isValueDependent())
    return dependentConstexprIf(I);
  bool Chosen = Cond->EvaluateKnownConstInt(Context).getBoolValue();
  emit("// if constexpr (" + render(Cond) + "): the " +
       (Chosen ? "first" : "second") + " branch.\n");
  if (const Stmt *Branch = Chosen ? I->getThen() : I->getElse())
    block(Branch);
}

/// In a template the branch is known per instantiation only: both stay,
/// each entered through a label before the `if constexpr` and a switch of
/// its own (the discarded branch's labels do not exist).
void Emitter::dependentConstexprIf(const IfStmt *I) {
  unsigned Then = ++TryCount, Else = ++TryCount;
  emit(llvm::formatv("\x03{0}\x03\x03{1}\x03", Then, Else).str());
  emit("if constexpr (" + render(I->getCond()) + ") {\n");
  branchRegion(Then, I->getThen());
  emit("} else {\n");
  branchRegion(Else, I->getElse());
  emit("}\n");
}

void Emitter::branchRegion(unsigned Id, const Stmt *Branch) {
  Tries.push_back({Id, {}, {}, llvm::formatv("branch_{0}", Id).str()});
  emit(llvm::formatv("\x01{0}\x01\n", Id).str());
  if (Branch)
    block(Branch);
  TryBlock Done = std::move(Tries.back());
  Tries.pop_back();
  TryDispatch[Id] = mapped(dispatch(Done.Cases, /*Reset=*/true), CurrentLine);
  if (!Done.Cases.empty())
    UsedEntries.insert(Id);
  if (!Tries.empty())
    for (auto &Object : Done.Objects)
      Tries.back().Objects.push_back(Object);
}

void Emitter::loopBody(const Stmt *Body, std::string ContinueTo) {
  Targets.push_back({true, Scopes.size(), std::move(ContinueTo)});
  block(Body);
}

void Emitter::whileStmt(const WhileStmt *W) {
  if (!Plan.containsAwait(W->getCond())) {
    emit("while (" +
         head(nullptr, W->getConditionVariableDeclStmt(), W->getCond()) +
         ") ");
    loopBody(W->getBody());
    Targets.pop_back();
    return;
  }
  // The condition suspends: evaluate it at the top of every iteration.
  emit("while (true) {\n");
  std::string Cond = condition(W->getCond());
  emit("if (!(" + Cond + "))\nbreak;\n");
  loopBody(W->getBody());
  Targets.pop_back();
  emit("}\n");
}

void Emitter::doStmt(const DoStmt *D) {
  if (!Plan.containsAwait(D->getCond())) {
    emit("do ");
    loopBody(D->getBody());
    Targets.pop_back();
    emit("while (" + render(D->getCond()) + ");\n");
    return;
  }
  std::string Next = Plan.freshName("next");
  emit("while (true) {\n");
  loopBody(D->getBody(), Next);
  bool Used = Targets.back().ContinueUsed;
  Targets.pop_back();
  if (Used)
    emit(Next + ":;\n");
  std::string Cond = condition(D->getCond());
  emit("if (!(" + Cond + "))\nbreak;\n}\n");
}

void Emitter::forStmt(const ForStmt *F) {
  const Stmt *Init = F->getInit();
  bool HeaderSuspends =
      Plan.containsAwait(F->getCond()) || Plan.containsAwait(F->getInc());
  const auto *InitDecl = dyn_cast_or_null<DeclStmt>(Init);
  const FrameVar *Counter =
      InitDecl && InitDecl->isSingleDecl()
          ? Plan.frameVar(dyn_cast<VarDecl>(InitDecl->getSingleDecl()))
          : nullptr;
  bool InitKept = Init && !Plan.containsAwait(Init) &&
                  (!InitDecl || !Counter ||
                   (Counter->Store == Storage::Plain &&
                    Counter->Decl->getInit()));

  if (!HeaderSuspends && InitKept) {
    // `for (int i = 0; ...)` reads `for (i = 0; ...)` when i is a member.
    std::string InitText;
    if (Counter)
      InitText = Counter->Name + " = " + expr(Counter->Decl->getInit()) + ";";
    else if (Init)
      InitText = render(Init) + (isa<DeclStmt>(Init) ? "" : ";");
    emit("for (" + InitText + " " +
         forCondition(F) + "; " +
         (F->getInc() ? render(F->getInc()) : "") + ") ");
    loopBody(F->getBody());
    Targets.pop_back();
    return;
  }
  if (!HeaderSuspends && !Init) {
    emit("for (; " + forCondition(F) +
         "; " + (F->getInc() ? render(F->getInc()) : std::string()) + ") ");
    loopBody(F->getBody());
    Targets.pop_back();
    return;
  }
  emit("{\n");
  pushScope();
  if (Init)
    stmt(Init);
  if (!HeaderSuspends) {
    emit("for (; " + forCondition(F) +
         "; " + (F->getInc() ? render(F->getInc()) : std::string()) + ") ");
    loopBody(F->getBody());
    Targets.pop_back();
  } else {
    std::string Next = Plan.freshName("next");
    emit("while (true) {\n");
    if (F->getCond()) {
      std::string Cond = condition(F->getCond());
      emit("if (!(" + Cond + "))\nbreak;\n");
    }
    loopBody(F->getBody(), Next);
    bool Used = Targets.back().ContinueUsed;
    Targets.pop_back();
    if (Used)
      emit(Next + ":;\n");
    if (F->getInc())
      stmt(F->getInc());
    emit("}\n");
  }
  popScope();
  emit("}\n");
}

/// A `for` condition that does not suspend, as written.
std::string Emitter::forCondition(const ForStmt *F) {
  if (!F->getCond())
    return "";
  return head(nullptr, F->getConditionVariableDeclStmt(), F->getCond());
}

void Emitter::rangeFor(const CXXForRangeStmt *F) {
  const VarDecl *Var = F->getLoopVariable();
  const FrameVar *Loop = Plan.frameVar(Var);
  if (!Loop) {
    // The body does not suspend: the loop stays as written.
    if (Plan.containsAwait(F->getRangeInit()))
      replace(F->getRangeInit(), expr(F->getRangeInit()));
    auto Head = Text.span(SourceRange(F->getLoopVarStmt()->getBeginLoc(),
                                      F->getRangeInit()->getEndLoc()));
    if (!Head) {
      fail(F->getBeginLoc(), Diag::InMacro, "this loop");
      return;
    }
    emit("for (" + Text.render(*Head) + ") ");
    loopBody(F->getBody());
    Targets.pop_back();
    return;
  }
  // The body suspends: spell the loop out so that the range and the
  // iterators live in the frame.
  emit("{\n");
  pushScope();
  const Expr *RangeInit = F->getRangeInit();
  std::string Range;
  // A temporary range (`for (auto x : make())`) lives in the frame; Clang
  // shows it as the temporary `auto &&__range` binds.
  const auto *Temporary = dyn_cast<MaterializeTemporaryExpr>(boundExpr(RangeInit));
  if (Temporary)
    RangeInit = Temporary->getSubExpr();
  std::string Value = expr(RangeInit);
  if (RangeInit->isPRValue()) {
    Range = member(Plan.typeText(RangeInit->getType().getUnqualifiedType()),
                   "range", /*InUnion=*/true);
    int Bit = needsDestruction(RangeInit->getType()) ? Plan.allocateLiveBit()
                                                      : -1;
    emit("::new (&" + Range + ") " + Members.back().Type + "(" + Value +
         ");\n");
    endFullExpression();
    if (Bit >= 0)
      TempBits.push_back({Bit, Range});
    constructed(Range, Bit);
  } else {
    std::string Pointer =
        member(Plan.typeText(RangeInit->getType()) + " *", "range");
    emit(Pointer + " = std::addressof(" + Value + ");\n");
    endFullExpression();
    Range = "(*" + Pointer + ")";
  }
  auto Call = [&](const VarDecl *Iterator, StringRef Name) {
    const Expr *Init = Iterator->getInit()->IgnoreImplicit();
    if (isa<CXXMemberCallExpr>(Init))
      return Range + "." + Name.str() + "()";
    if (isa<CallExpr>(Init))
      return Name.str() + "(" + Range + ")";
    return "std::" + Name.str() + "(" + Range + ")";
  };
  const VarDecl *BeginVar = F->getBeginStmt()
                                ? cast<VarDecl>(F->getBeginStmt()->getSingleDecl())
                                : nullptr;
  const VarDecl *EndVar = F->getEndStmt()
                              ? cast<VarDecl>(F->getEndStmt()->getSingleDecl())
                              : nullptr;
  std::string Begin, End, BeginCall, EndCall;
  if (BeginVar && EndVar) {
    Begin = member(Plan.typeText(BeginVar->getType()), "range_begin");
    End = member(Plan.typeText(EndVar->getType()), "range_end");
    BeginCall = Call(BeginVar, "begin");
    EndCall = Call(EndVar, "end");
  } else {
    // A range whose type depends on a template parameter.
    std::string RangeType = Plan.typeText(RangeInit->getType());
    std::string Iterator =
        "decltype(std::begin(std::declval<" + RangeType + " &>()))";
    Begin = member(Iterator, "range_begin");
    End = member("decltype(std::end(std::declval<" + RangeType + " &>()))",
                 "range_end");
    BeginCall = "std::begin(" + Range + ")";
    EndCall = "std::end(" + Range + ")";
  }
  emit("for (" + Begin + " = " + BeginCall + ", " + End + " = " + EndCall +
       "; " + Begin + " != " + End + "; ++" + Begin + ") {\n");
  Targets.push_back({true, Scopes.size(), {}});
  pushScope();
  std::string Element = "*" + Begin;
  switch (Loop->Store) {
  case Storage::Plain:
    emit(Loop->Name + " = " + Element + ";\n");
    break;
  case Storage::Pointer:
    emit(Loop->Name + " = std::addressof(" + Element + ");\n");
    break;
  case Storage::Object:
  case Storage::Ref:
    emit("::new (&" + Loop->Name + ") " + Loop->Type + "(" + Element + ");\n");
    constructed(Loop->Name, Loop->LiveBit);
    break;
  }
  block(F->getBody());
  popScope();
  Targets.pop_back();
  emit("}\n");
  popScope();
  emit("}\n");
}

void Emitter::switchStmt(const SwitchStmt *S) {
  std::string Cond =
      S->getInit() || S->getConditionVariable()
          ? head(S->getInit(), S->getConditionVariableDeclStmt(), S->getCond())
          : expr(S->getCond());
  if (!Temps.empty() || !Handles.empty()) {
    std::string Name = member(Plan.typeText(S->getCond()->getType()), "selector");
    emit(Name + " = " + Cond + ";\n");
    endFullExpression();
    Cond = Name;
  }
  emit("switch (" + Cond + ") ");
  Targets.push_back({false, Scopes.size(), {}});
  block(S->getBody());
  Targets.pop_back();
}

/// Rewrites each `throw;` that rethrows \p Handler's exception (not one of a
/// nested handler's) to rethrow \p Caught instead.
static void rethrowFrom(const Stmt *S, const std::string &Caught,
                        EditedText &Text) {
  if (!S || isa<LambdaExpr>(S) || isa<CXXCatchStmt>(S))
    return;
  if (const auto *Throw = dyn_cast<CXXThrowExpr>(S); Throw && !Throw->getSubExpr())
    if (auto Where = Text.span(Throw->getSourceRange()))
      Text.replace(*Where, "std::rethrow_exception(" + Caught + ")");
  for (const Stmt *Child : S->children())
    rethrowFrom(Child, Caught, Text);
}

void Emitter::tryStmt(const CXXTryStmt *T) {
  const CompoundStmt *Body = T->getTryBlock();
  // A handler that suspends cannot stay a C++ handler (nothing may jump
  // into one): it keeps the exception and runs after the try statement.
  std::map<const CXXCatchStmt *, std::string> Moved;
  for (unsigned I = 0; I < T->getNumHandlers(); ++I)
    if (Plan.containsAwait(T->getHandler(I)->getHandlerBlock())) {
      std::string Caught = member("std::exception_ptr", "caught");
      emit(Caught + " = nullptr;\n");
      Moved[T->getHandler(I)] = Caught;
    }

  bool Suspends = Plan.containsAwait(Body);
  // A try block without resume points may still construct frame objects
  // (locals nested in one): its handlers destroy them too.
  unsigned Id = Suspends ? ++TryCount : 0;
  Tries.push_back({Id, {}, {}, llvm::formatv("try_{0}", Id).str()});
  if (!Suspends) {
    emit("try ");
    compound(Body);
  } else {
    // Resume points inside: enter through a label before the try, then a
    // second switch inside it.
    emit(llvm::formatv("try_{0}:\ntry {\n\x01{0}\x01\n", Id).str());
    compound(Body, /*Braces=*/false);
    emit("}\n");
  }
  TryBlock Done = std::move(Tries.back());
  Tries.pop_back();
  if (Suspends)
    TryDispatch[Id] = mapped(dispatch(Done.Cases, /*Reset=*/true), CurrentLine);
  std::vector<std::pair<std::string, int>> Objects = std::move(Done.Objects);
  if (!Tries.empty())
    for (auto &Object : Objects)
      Tries.back().Objects.push_back(Object);
  std::vector<std::string> MovedCleanups(T->getNumHandlers());
  for (unsigned I = 0; I < T->getNumHandlers(); ++I) {
    const CXXCatchStmt *Handler = T->getHandler(I);
    const auto *Block = cast<CompoundStmt>(Handler->getHandlerBlock());
    auto Head = Text.span(SourceRange(Handler->getCatchLoc(), Block->getLBracLoc()));
    if (!Head) {
      fail(Handler->getCatchLoc(), Diag::InMacro, "this handler");
      return;
    }
    std::string Catch = Text.render(*Head);
    Catch.pop_back(); // the handler's '{'
    emit(Catch + "{\n");
    // The try block's frame objects that were alive when it threw end
    // before the handler runs, as C++ destroys a try block's locals.
    for (auto It = Objects.rbegin(); It != Objects.rend(); ++It)
      emit(destroyIfLive(It->first, It->second));
    auto IsMoved = Moved.find(Handler);
    if (IsMoved == Moved.end()) {
      compound(Block, /*Braces=*/false);
      emit("}\n");
      continue;
    }
    // Keep the exception, and what the handler's parameter denotes.
    emit(IsMoved->second + " = std::current_exception();\n");
    if (const VarDecl *Param = Handler->getExceptionDecl())
      if (const FrameVar *V = Plan.frameVar(Param)) {
        std::string Source = Param->getName().str();
        switch (V->Store) {
        case Storage::Pointer:
          emit("this->" + V->Name + " = std::addressof(" + Source + ");\n");
          break;
        case Storage::Plain:
          emit("this->" + V->Name + " = " + Source + ";\n");
          break;
        case Storage::Object:
        case Storage::Ref:
          emit("::new (&this->" + V->Name + ") " + V->Type + "(" + Source +
               ");\n");
          if (V->LiveBit >= 0) {
            setLive(V->LiveBit);
            MovedCleanups[I] = destroyCode(V->Name, V->LiveBit);
          }
          break;
        }
      }
    emit("}\n");
  }
  for (unsigned I = 0; I < T->getNumHandlers(); ++I) {
    const CXXCatchStmt *Handler = T->getHandler(I);
    auto IsMoved = Moved.find(Handler);
    if (IsMoved == Moved.end())
      continue;
    const std::string &Caught = IsMoved->second;
    emit("// The handler of " +
         (Handler->getExceptionDecl()
              ? Plan.typeText(Handler->getCaughtType())
              : std::string("...")) +
         ", outside the try statement: it suspends.\n");
    emit("if (" + Caught + ") {\n");
    pushScope();
    // Leaving the handler ends the exception, as it does in C++.
    Scopes.back().push_back(Caught + " = nullptr;\n");
    if (!MovedCleanups[I].empty())
      Scopes.back().push_back(MovedCleanups[I]);
    rethrowFrom(Handler->getHandlerBlock(), Caught, Text);
    compound(cast<CompoundStmt>(Handler->getHandlerBlock()), /*Braces=*/false);
    popScope();
    emit("}\n");
  }
}

void Emitter::jump(const Stmt *S) {
  bool IsBreak = isa<BreakStmt>(S);
  for (auto It = Targets.rbegin(); It != Targets.rend(); ++It) {
    if (!IsBreak && !It->IsLoop)
      continue;
    destroyScopesFrom(It->ScopeDepth);
    if (IsBreak)
      return emit("break;\n");
    if (It->ContinueTo.empty())
      return emit("continue;\n");
    It->ContinueUsed = true;
    return emit("goto " + It->ContinueTo + ";\n");
  }
  emit(IsBreak ? "break;\n" : "continue;\n");
}

//===----------------------------------------------------------------------===//
// Expressions
//===----------------------------------------------------------------------===//

/// True if evaluating \p E earlier or later gives the same result: it has
/// no side effects and reads nothing a suspension could change.
static bool isStable(const Expr *E) {
  E = E->IgnoreParens();
  if (isa<IntegerLiteral, FloatingLiteral, CharacterLiteral, StringLiteral,
          CXXBoolLiteralExpr, CXXNullPtrLiteralExpr, GNUNullExpr, CXXThisExpr,
          LambdaExpr, UnaryExprOrTypeTraitExpr, CXXDefaultArgExpr,
          CXXDefaultInitExpr, TypeTraitExpr>(E))
    return true;
  if (const auto *Cast = dyn_cast<ImplicitCastExpr>(E)) {
    if (Cast->getCastKind() == CK_LValueToRValue) {
      const auto *Ref = dyn_cast<DeclRefExpr>(Cast->getSubExpr()->IgnoreParens());
      const auto *V = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
      return V && V->getType().isConstQualified() &&
             !V->getType().isVolatileQualified();
    }
    return isStable(Cast->getSubExpr());
  }
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E)) {
    const ValueDecl *D = Ref->getDecl();
    return isa<FunctionDecl, EnumConstantDecl>(D) || E->isGLValue();
  }
  if (const auto *Member = dyn_cast<MemberExpr>(E))
    return E->isGLValue() && (Member->isArrow()
                                  ? isa<CXXThisExpr>(Member->getBase()->IgnoreParenImpCasts())
                                  : isStable(Member->getBase()));
  if (const auto *Unary = dyn_cast<UnaryOperator>(E))
    return Unary->getOpcode() == UO_AddrOf && isStable(Unary->getSubExpr());
  return false;
}

/// The operands of \p E in the order cosm evaluates them: C++17's order
/// where it has one, else left to right.
static std::vector<const Expr *> operands(const Expr *E) {
  std::vector<const Expr *> Result;
  for (const Stmt *Child : E->children())
    if (const auto *Operand = dyn_cast_or_null<Expr>(Child))
      Result.push_back(Operand);
  bool Assigns = false;
  if (const auto *Binary = dyn_cast<BinaryOperator>(E))
    Assigns = Binary->isAssignmentOp();
  if (const auto *Call = dyn_cast<CXXOperatorCallExpr>(E))
    Assigns = Call->isAssignmentOp();
  // The right operand of an assignment is sequenced before the left.
  if (Assigns && Result.size() >= 2)
    std::swap(Result[Result.size() - 2], Result[Result.size() - 1]);
  return Result;
}

/// A temporary with a destructor that \p E creates below its top (where the
/// frame cannot keep it), or null.
static const Expr *destroyedTemporary(const Expr *E) {
  if (const auto *Temporary = dyn_cast<MaterializeTemporaryExpr>(E))
    E = Temporary->getSubExpr(); // kept whole in the frame
  std::function<const Expr *(const Stmt *, bool)> Find =
      [&](const Stmt *S, bool Top) -> const Expr * {
    // An awaited coroutine moves into the frame: its temporary is fine.
    if (!S || isa<LambdaExpr>(S) || asAwait(S))
      return nullptr;
    // Only a destructor the program itself defines can tell when it runs.
    if (const auto *Bind = dyn_cast<CXXBindTemporaryExpr>(S);
        Bind && !Top && Bind->getTemporary()->getDestructor() &&
        Bind->getTemporary()->getDestructor()->isUserProvided() &&
        !Bind->getTemporary()->getDestructor()->getParent()->isInStdNamespace())
      return Bind;
    if (isa<MaterializeTemporaryExpr>(S) && !Top)
      return nullptr; // kept in the frame by keepTemporaries()
    bool Wrapper = isa<ExprWithCleanups, CXXBindTemporaryExpr, ImplicitCastExpr,
                       ParenExpr, CXXFunctionalCastExpr>(S);
    for (const Stmt *Child : S->children())
      if (const Expr *Found = Find(Child, Top && Wrapper))
        return Found;
    return nullptr;
  };
  return Find(E, true);
}

std::string Emitter::expr(const Expr *E) {
  if (Failed)
    return "";
  // Already lowered (a temporary now kept in the frame): its text says so.
  if (Kept.count(E))
    return render(E);
  if (!Plan.containsAwait(E))
    return render(E);
  if (const CallExpr *A = asAwait(E))
    return await(A);
  if (const auto *B = dyn_cast<BinaryOperator>(E); B && B->isLogicalOp())
    return logical(B);
  if (const auto *C = dyn_cast<AbstractConditionalOperator>(E))
    return conditional(C);
  if (const auto *Comma = dyn_cast<BinaryOperator>(E);
      Comma && Comma->getOpcode() == BO_Comma &&
      Plan.containsAwait(Comma->getRHS())) {
    // The left side is evaluated for its effects only.
    emit("static_cast<void>(" + expr(Comma->getLHS()) + ");\n");
    replace(Comma->getLHS(), "void()");
    replace(Comma->getRHS(), expr(Comma->getRHS()));
    return render(E);
  }
  std::vector<const Expr *> Operands = operands(E);
  size_t Last = 0;
  for (size_t I = 0; I < Operands.size(); ++I)
    if (Plan.containsAwait(Operands[I]))
      Last = I;
  // What C++ evaluates before the last suspension is evaluated and saved
  // before it, so that the suspension cannot change it.
  for (size_t I = 0; I < Last; ++I) {
    const Expr *Operand = Operands[I];
    if (const auto *Member = dyn_cast<MemberExpr>(Operand);
        Member && Member->hasPlaceholderType(BuiltinType::BoundMember))
      Operand = Member->getBase();
    if (!Plan.containsAwait(Operand) && isStable(Operand))
      continue;
    if (!Operand->getSourceRange().isValid())
      continue;
    // C++ keeps the temporaries inside the operand to the end of the
    // full-expression, past the suspension: the frame keeps them too.
    if (!isa<MaterializeTemporaryExpr>(Operand))
      keepTemporaries(Operand);
    if (const Expr *Inner = destroyedTemporary(Operand)) {
      fail(Inner->getBeginLoc(), Diag::Unsupported,
           "a temporary with a destructor inside an operand that is evaluated "
           "before a later 'cosm::await' in the same expression (store it in "
           "a local first)");
      return "";
    }
    replace(Operand, spill(Operand, expr(Operand)));
  }
  replace(Operands[Last], expr(Operands[Last]));
  return render(E);
}

void Emitter::keepTemporaries(const Stmt *S, bool All) {
  // An initializer_list's array lives as long as the list, which the callee
  // copies from at once.
  if (!S || isa<LambdaExpr, CXXStdInitializerListExpr>(S) || asAwait(S))
    return;
  if (const auto *Temporary = dyn_cast<MaterializeTemporaryExpr>(S)) {
    QualType Type = Temporary->getSubExpr()->getType();
    if ((!All && !needsDestruction(Type)) || Type->isArrayType())
      return;
    // A closure type has no name to declare the frame member with; a
    // coroutine object is consumed at once by what it is passed to
    // (cosm::gather, create_task).
    if (const auto *Record = Type->getAsCXXRecordDecl();
        (Record && Record->isLambda()) || coroResultType(Type))
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

/// If \p Operand calls an async function whose frame is defined above,
/// rewrites the call into a placement new of that frame in the child slot.
/// Only one child runs at a time, so one slot (sized for the largest)
/// serves every await of the function.
bool Emitter::embedFrame(const Expr *Operand) {
  if (!Plan.EarlierFrames)
    return false;
  const auto *Call = dyn_cast<CallExpr>(Operand->IgnoreImplicit());
  if (!Call || Call->getStmtClass() != Stmt::CallExprClass)
    return false;
  const FunctionDecl *Callee = Call->getDirectCallee();
  if (!Callee)
    return false;
  auto Found = Plan.EarlierFrames->find(Callee->getCanonicalDecl());
  if (Found == Plan.EarlierFrames->end() ||
      Call->getNumArgs() != Callee->getNumParams() ||
      !spanOf(Call->getCallee()))
    return false;
  // A default argument has no text here to pass to the frame.
  for (const Expr *Arg : Call->arguments())
    if (isa<CXXDefaultArgExpr>(Arg))
      return false;
  // Qualified only when the two functions are in different namespaces.
  std::string Frame = Found->second;
  if (Callee->getDeclContext()->getRedeclContext()->Equals(
          Plan.function()->getDeclContext()->getRedeclContext()))
    Frame = StringRef(Frame).rsplit("::").second.str();
  if (ChildSlot.empty())
    ChildSlot = member("", "child_frame");
  if (std::find(SlotFrames.begin(), SlotFrames.end(), Frame) ==
      SlotFrames.end())
    SlotFrames.push_back(Frame);
  replace(Call->getCallee(), "::new (&" + ChildSlot + ") " + Frame);
  return true;
}

/// In C++ the temporaries of an awaited expression live until the await
/// ends, and the awaited call may hold references to them (a `const
/// std::string &` parameter bound to "text"): the frame keeps every one of
/// them, with or without a destructor, until the statement ends.
void Emitter::keepOperandTemporaries(const Expr *Operand) {
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
  for (const Stmt *Child : Top->children())
    keepTemporaries(Child, /*All=*/true);
}

std::string Emitter::objectTemp(QualType Type, const std::string &Value,
                                bool Maybe) {
  Type = Type.getUnqualifiedType();
  if (const auto *Record = Type->getAsCXXRecordDecl(); Record && Record->isLambda()) {
    fail(Record->getLocation(), Diag::Unsupported,
         "a lambda evaluated before a suspension in the same expression");
    return "";
  }
  std::string TypeText = Plan.typeText(Type);
  std::string Name = member(TypeText, "temp", /*InUnion=*/true);
  int Bit = needsDestruction(Type) ? Plan.allocateLiveBit() : -1;
  emit("::new (&" + Name + ") " + TypeText + "(" + Value + ");\n");
  if (Bit >= 0) {
    TempBits.push_back({Bit, Name});
    setLive(Bit);
    if (!Tries.empty())
      Tries.back().Objects.push_back({Name, Bit});
  }
  Temps.push_back({Name, Bit, Maybe});
  return Name;
}

std::string Emitter::spill(const Expr *E, const std::string &Value) {
  if (const auto *Record = E->getType()->getAsCXXRecordDecl();
      Record && Record->isLambda()) {
    fail(E->getBeginLoc(), Diag::Unsupported,
         "a lambda evaluated before a suspension in the same expression");
    return "";
  }
  if (const auto *Temporary = dyn_cast<MaterializeTemporaryExpr>(E)) {
    // The temporary itself moves into the frame until the statement ends.
    std::string Name =
        objectTemp(Temporary->getSubExpr()->getType(), Value, Branches > 0);
    return Temporary->isXValue() ? "std::move(" + Name + ")" : Name;
  }
  QualType Type = E->getType();
  if (E->isPRValue()) {
    if (Type->isVoidType()) {
      emit(Value + ";\n");
      return "void()";
    }
    if (Type->isScalarType()) {
      std::string Name =
          member(Plan.typeText(Type.getUnqualifiedType()), "saved");
      emit(Name + " = " + Value + ";\n");
      return Name;
    }
    return "std::move(" + objectTemp(Type, Value, Branches > 0) + ")";
  }
  std::string Name = member(Plan.typeText(Type) + " *", "saved");
  emit(Name + " = std::addressof(" + Value + ");\n");
  return E->isXValue() ? "std::move(*" + Name + ")" : "(*" + Name + ")";
}

std::string Emitter::logical(const BinaryOperator *B) {
  std::string Left = expr(B->getLHS());
  if (!Plan.containsAwait(B->getRHS())) {
    replace(B->getLHS(), Left);
    return render(B);
  }
  // Only when C++ evaluates the right side does its await run.
  std::string Name = member("bool", "condition");
  emit(Name + " = static_cast<bool>(" + Left + ");\n");
  emit(B->getOpcode() == BO_LAnd ? "if (" + Name + ") {\n"
                                 : "if (!" + Name + ") {\n");
  ++Branches;
  std::string Right = expr(B->getRHS());
  --Branches;
  emit(Name + " = static_cast<bool>(" + Right + ");\n}\n");
  return Name;
}

std::string Emitter::conditional(const AbstractConditionalOperator *C) {
  const auto *Plain = dyn_cast<ConditionalOperator>(C);
  if (!Plain) {
    fail(C->getBeginLoc(), Diag::Unsupported,
         "'cosm::await' in a '?:' without a middle operand");
    return "";
  }
  std::string Cond = expr(C->getCond());
  if (!Plan.containsAwait(C->getTrueExpr()) &&
      !Plan.containsAwait(C->getFalseExpr())) {
    replace(C->getCond(), Cond);
    return render(C);
  }
  // Only the chosen side runs, and only its await suspends.
  QualType Type = C->getType();
  bool Object = C->isPRValue() && !Type->isScalarType() && !Type->isVoidType();
  std::string Name;
  if (C->isGLValue())
    Name = member(Plan.typeText(Type) + " *", "chosen");
  else if (!Object && !Type->isVoidType())
    Name = member(Plan.typeText(Type.getUnqualifiedType()), "chosen");
  auto Assign = [&](const Expr *Side) {
    std::string Value = expr(Side);
    if (Type->isVoidType())
      emit(Value + ";\n");
    else if (C->isGLValue())
      emit(Name + " = std::addressof(" + Value + ");\n");
    else if (Object)
      Name = objectTemp(Type, Value, /*Maybe=*/true);
    else
      emit(Name + " = " + Value + ";\n");
  };
  emit("if (" + Cond + ") {\n");
  ++Branches;
  Assign(C->getTrueExpr());
  emit("} else {\n");
  Assign(C->getFalseExpr());
  --Branches;
  emit("}\n");
  if (Type->isVoidType())
    return "void()";
  if (C->isGLValue())
    return "(*" + Name + ")";
  if (Object) {
    // Both sides construct the same kind of object: one slot serves both.
    Temps.pop_back();
    Temps.back().Maybe = Branches > 0;
    return "std::move(" + Name + ")";
  }
  return Name;
}

void Emitter::resumePoint(unsigned State) {
  std::string Label = llvm::formatv("resume_{0}", State).str();
  if (Tries.empty()) {
    TopCases.push_back({State, Label});
    return;
  }
  Tries.back().Cases.push_back({State, Label});
  // Outer try blocks and the top-level switch jump to the innermost one's
  // entry, each to the next.
  for (size_t I = Tries.size() - 1; I > 0; --I)
    Tries[I - 1].Cases.push_back({State, Tries[I].Entry});
  TopCases.push_back({State, Tries.front().Entry});
}

std::string Emitter::childType(const Expr *Operand) {
  QualType Type = Operand->getType();
  if (!Type->isSpecificBuiltinType(BuiltinType::Dependent))
    return Plan.typeText(Type.getNonReferenceType().getUnqualifiedType());
  // In a template the call may not be resolved yet.
  const auto *Call = dyn_cast<CallExpr>(Operand->IgnoreParenImpCasts());
  if (!Call)
    return "";
  if (const FunctionDecl *Callee = Call->getDirectCallee())
    if (!Callee->getReturnType()->isSpecificBuiltinType(BuiltinType::Dependent))
      return Plan.typeText(Callee->getReturnType());
  // The frame's members carry the names the operand uses, so the operand
  // itself names the type (an unevaluated use of members is fine in a class).
  return "decltype(" + render(Operand) + ")";
}

std::string Emitter::await(const CallExpr *A) {
  const Expr *Operand = A->getArg(0);
  unsigned State = ++States;
  AtLine Here(*this, A->getBeginLoc());
  std::string Shown = Text.span(Operand->getSourceRange())
                          ? Text.original(*Text.span(Operand->getSourceRange())).str()
                          : "the operand";
  std::replace(Shown.begin(), Shown.end(), '\n', ' ');
  if (Shown.size() > 60)
    Shown = Shown.substr(0, 57) + "...";
  std::optional<AwaitKind> Kind = awaitKind(A);
  if (!Kind) {
    fail(A->getBeginLoc(), Diag::Unsupported,
         "an await whose operand's type depends on a template parameter "
         "(is it a coroutine or a task?)");
    return "";
  }
  Suspensions.push_back({State, A, *Kind});
  if (*Kind == AwaitKind::Coroutine) {
    std::string Type = childType(Operand);
    if (Type.empty()) {
      fail(Operand->getBeginLoc(), Diag::Unsupported,
           "an await of a coroutine whose type cosm-lower cannot name in a "
           "template");
      return "";
    }
    std::string Child = member(Type, "child");
    bool Embedded = embedFrame(Operand);
    if (Embedded)
      glue("// await " + Shown +
           ": a coroutine of this file. Its frame is built inside this one "
           "(no allocation) and runs inline, in this step; no trip through "
           "the loop.\n");
    else
      glue("// await " + Shown +
           ": a coroutine. It runs inline, in this step; no trip through the "
           "loop.\n");
    keepOperandTemporaries(Operand);
    std::string Value = expr(Operand);
    if (Embedded)
      Value = Type + "::embedded(" + Value + ")";
    else if (Operand->isLValue())
      Value = "std::move(" + Value + ")";
    emit(Child + " = " + Value + ";\n");
    Children.push_back(Child);
    resumePoint(State);
    glue(llvm::formatv(
             "resume_{0}:\nif ({1}.step() == cosm::Step::Suspended) {\n"
             "state = {0};\nreturn cosm::Step::Suspended; // the "
             "whole chain waits\n}\n",
             State, Child)
             .str());
    return Child + ".take_result()";
  }
  const char *What = *Kind == AwaitKind::Task ? "task" : "future";
  std::string Handle;
  const Expr *Bare = Operand->IgnoreParenImpCasts();
  bool Named = isa<DeclRefExpr>(Bare) ||
               (isa<MemberExpr>(Bare) && isStable(Bare));
  if (Named) {
    Handle = expr(Operand);
  } else {
    // A handle computed here is kept until the statement ends.
    keepOperandTemporaries(Operand);
    std::string Value = expr(Operand);
    Handle = member(Plan.typeText(Operand->getType()
                                      .getNonReferenceType()
                                      .getUnqualifiedType()),
                    "awaited");
    emit(Handle + " = " + Value + ";\n");
    Handles.push_back(Handle);
  }
  glue(llvm::formatv("// await {0}: a {1}. Unless it is done, this task "
                     "registers its wake-up as the {1}'s done callback and "
                     "returns to the loop.\n",
                     Shown, What)
           .str());
  glue(llvm::formatv("if (!{0}.done()) {\nstate = {1};\nreturn "
                     "cosm::suspend_on({0});\n",
                     Handle, State)
           .str());
  resumePoint(State);
  glue(llvm::formatv("resume_{0}:\ncosm::resume_point(); // raises a "
                     "cancellation that arrived meanwhile\n}\n",
                     State)
           .str());
  return Handle + ".result()";
}

void Emitter::endFullExpression() {
  for (auto It = Temps.rbegin(); It != Temps.rend(); ++It) {
    if (It->LiveBit < 0)
      continue;
    emit(It->Maybe ? destroyIfLive(It->Name, It->LiveBit)
                   : destroyCode(It->Name, It->LiveBit));
  }
  for (const std::string &Handle : Handles)
    emit(Handle + " = {};\n");
  Temps.clear();
  Handles.clear();
}

//===----------------------------------------------------------------------===//
// Assembly
//===----------------------------------------------------------------------===//

std::string
Emitter::dispatch(const std::vector<std::pair<unsigned, std::string>> &Cases,
                  bool Reset) {
  if (Cases.empty())
    return "";
  std::string Out = "switch (state) {\n";
  for (const auto &[State, Label] : Cases) {
    Out += llvm::formatv("case {0}:\n", State).str();
    // Reaching the label ends the resumption: a later pass through this
    // try block must not jump again.
    if (Reset && StringRef(Label).starts_with("resume_"))
      Out += "state = 0;\n";
    Out += "goto " + Label + ";\n";
  }
  return Out + "}\n";
}

std::string Emitter::frameStruct(const std::string &Body) {
  const FunctionDecl *F = Plan.function();
  std::string S;
  S += "// The frame of " + Plan.DisplayName +
       "(): its parameters and the locals that live across a suspension.\n";
  std::string Name = Plan.FrameName;
  std::string Base = "cosm::Frame<" + Plan.ResultType + ">";
  if (!Plan.TemplateHeader.empty())
    S += Plan.TemplateHeader + "\n";
  S += "struct " + Plan.FrameQualifier + Name + " final : " + Base + " {\n";
  if (Plan.Dependent)
    // Members of a dependent base are not found by unqualified lookup.
    S += "using " + Base + "::state;\nusing " + Base + "::finish;\nusing " +
         Base + "::return_value;\n";
  std::string CtorParams, CtorInits;
  auto AddParam = [&](const std::string &Type, const std::string &Member,
                      const std::string &Init) {
    CtorParams += (CtorParams.empty() ? "" : ", ") + Type + " " + Member;
    CtorInits += (CtorInits.empty() ? "" : ", ") + Member + "(" + Init + ")";
  };
  if (!NestedTypes.empty())
    S += "// The types " + Plan.DisplayName +
         "() declares, which members of its frame name.\n" + NestedTypes;
  if (!Plan.SelfType.empty()) {
    S += Plan.SelfType + " *" + Plan.SelfName + ";\n";
    AddParam(Plan.SelfType + " *", Plan.SelfName, Plan.SelfName);
  }
  for (const FrameVar &P : Plan.Params) {
    S += P.Type + " " + P.Name + ";\n";
    AddParam(P.Type, P.Name, passed(P.Decl, P.Name));
  }
  for (const FrameVar &L : Plan.Locals) {
    switch (L.Store) {
    case Storage::Object:
      S += "union {\n" + L.Type + " " + L.Name + ";\n};\n";
      break;
    case Storage::Pointer:
      S += L.Type + " *" + L.Name + ";\n";
      break;
    default:
      S += L.Type + " " + L.Name + ";\n";
      break;
    }
  }
  for (const Member &M : Members) {
    if (M.Name == ChildSlot) {
      std::string Frames;
      for (const std::string &Frame : SlotFrames)
        Frames += (Frames.empty() ? "" : ", ") + Frame;
      S += "cosm::ChildSlot<" + Frames + "> " + M.Name + ";\n";
      continue;
    }
    if (M.InUnion)
      S += "union {\n" + M.Type + " " + M.Name + ";\n};\n";
    else
      S += M.Type + " " + M.Name + ";\n";
  }
  if (Plan.LiveBits > 0)
    S += llvm::formatv("std::bitset<{0}> {1}; // which objects above are "
                       "alive\n",
                       Plan.LiveBits, Plan.LiveName)
             .str();
  S += "\n";
  S += (CtorParams.find(',') == std::string::npos && !CtorParams.empty()
            ? "explicit "
            : "") +
       Name + "(" + CtorParams + ")" +
       (CtorInits.empty() ? "" : " : " + CtorInits) + " {}\n";

  // unwind(): the child first, then the alive objects, newest first.
  bool Unwinds = !Children.empty() || Plan.LiveBits > 0;
  if (Unwinds) {
    S += "~" + Name + "() override { unwind(); }\n";
  }
  S += "const char *function_name() const noexcept override { return \"" +
       Plan.DisplayName + "\"; }\n";
  if (Unwinds) {
    S += "void unwind() noexcept override {\n";
    for (const std::string &Child : Children)
      S += Child + " = {};\n";
    // Newest first: in reverse order of construction.
    std::vector<std::pair<int, std::string>> ByBit;
    for (const FrameVar &L : Plan.Locals)
      if (L.LiveBit >= 0)
        ByBit.push_back({L.LiveBit, L.Name});
    for (const auto &[Bit, Name] : TempBits)
      ByBit.push_back({Bit, Name});
    auto Rank = [&](int Bit) {
      return llvm::find(Constructed, Bit) - Constructed.begin();
    };
    llvm::stable_sort(ByBit, [&](const auto &A, const auto &B) {
      return Rank(A.first) < Rank(B.first);
    });
    for (auto It = ByBit.rbegin(); It != ByBit.rend(); ++It)
      S += destroyIfLive(It->second, It->first);
    S += "}\n";
  }
  (void)F;
  S += "\ncosm::Step resume() override {\n";
  // The frame's own code maps to the function; resume()'s body maps itself.
  return mapped(S, functionLine()) + Body + mapped("}\n};\n", functionLine());
}

std::optional<LoweredFunction> Emitter::run() {
  // Members must not hide the frame types the code names.
  Plan.reserve(Plan.FrameName);
  if (Plan.EarlierFrames)
    for (const auto &Earlier : *Plan.EarlierFrames)
      Plan.reserve(StringRef(Earlier.second).contains("::")
                       ? StringRef(Earlier.second).rsplit("::").second
                       : StringRef(Earlier.second));
  const FunctionDecl *F = Plan.function();
  const auto *Body = cast<CompoundStmt>(F->getBody());
  compound(Body, /*Braces=*/false);
  if (Failed)
    return std::nullopt;
  if (Body->body_empty() || !isa<ReturnStmt>(Body->body_back()))
    emit("return finish();\n");
  std::string Resume =
      mapped(dispatch(TopCases, /*Reset=*/false), functionLine()) + Out;
  // Fill in each try block's own switch.
  for (const auto &[Id, Switch] : TryDispatch) {
    std::string Mark = llvm::formatv("\x01{0}\x01", Id).str();
    size_t At = Resume.find(Mark);
    if (At != std::string::npos)
      Resume.replace(At, Mark.size(), Switch);
  }
  // An `if constexpr` branch's entry label, where a resume point needs it.
  for (unsigned Id = 1; Id <= TryCount; ++Id) {
    std::string Mark = llvm::formatv("\x03{0}\x03", Id).str();
    size_t At = Resume.find(Mark);
    if (At != std::string::npos)
      Resume.replace(At, Mark.size(),
                     UsedEntries.count(Id)
                         ? llvm::formatv("branch_{0}:\n", Id).str()
                         : std::string());
  }
  // Local types stay in resume() unless the frame names one.
  bool Nested = Plan.NamesLocalType;
  if (Nested && Clash.isValid()) {
    fail(Clash, Diag::Unsupported,
         "two types of the same name declared in one async function whose "
         "frame names one of them");
    return std::nullopt;
  }
  for (size_t I = 0; I < LocalTypes.size(); ++I) {
    std::string Mark = llvm::formatv("\x02{0}\x02\n", I).str();
    size_t At = Resume.find(Mark);
    if (At != std::string::npos)
      Resume.replace(At, Mark.size(),
                     Nested || LocalTypes[I].Code.empty()
                         ? std::string()
                         : LocalTypes[I].Code + "\n");
    if (Nested && !LocalTypes[I].Code.empty())
      NestedTypes += LocalTypes[I].Code + "\n";
  }
  LoweredFunction Result;
  Result.Function = function();
  Result.Frame = mapped(Declaration, functionLine()) + frameStruct(Resume);
  Result.Suspensions = std::move(Suspensions);
  if (Failed)
    return std::nullopt;
  return Result;
}

/// True if \p F's body names \p F and nothing declared it before.
static bool refersTo(const Stmt *S, const FunctionDecl *F) {
  if (!S)
    return false;
  if (const auto *Ref = dyn_cast<DeclRefExpr>(S))
    if (Ref->getDecl()->getCanonicalDecl() == F->getCanonicalDecl())
      return true;
  if (const auto *Lookup = dyn_cast<UnresolvedLookupExpr>(S))
    for (const NamedDecl *D : Lookup->decls())
      if (const FunctionDecl *G = D->getAsFunction();
          G && G->getCanonicalDecl() == F->getCanonicalDecl())
        return true;
  for (const Stmt *Child : S->children())
    if (refersTo(Child, F))
      return true;
  return false;
}

static bool needsDeclaration(const FunctionDecl *F) {
  return !F->getPreviousDecl() && !isa<CXXMethodDecl>(F) &&
         refersTo(F->getBody(), F);
}

std::string Emitter::function() {
  const FunctionDecl *F = Plan.function();
  const auto *Body = cast<CompoundStmt>(F->getBody());
  // The signature as written, without COSM_ASYNC.
  for (const auto *A : F->specific_attrs<AnnotateAttr>())
    if (A->getAnnotation() == "cosm.async" && !A->isInherited())
      if (auto Where = annotationSpan(A, Text))
        Text.replace(*Where, "");
  auto Head = Text.span(SourceRange(F->getOuterLocStart(), Body->getLBracLoc()));
  if (auto Start = attributesStart(F, Text); Head && Start)
    Head->Begin = std::min(Head->Begin, *Start);
  if (!Head) {
    fail(F->getLocation(), Diag::InMacro, "this function's signature");
    return "";
  }
  std::string Signature = Text.render(*Head);
  Signature.pop_back(); // the body's '{'
  if (needsDeclaration(F)) {
    // The frame calls the function it belongs to (recursion): declare the
    // function first. The default arguments move to that declaration.
    Declaration = Signature + ";\n\n";
    for (const ParmVarDecl *P : F->parameters())
      if (P->hasDefaultArg() && !P->hasInheritedDefaultArg())
        if (auto Default = Text.span(P->getDefaultArgRange())) {
          StringRef Before = Text.original({Head->Begin, Default->Begin});
          size_t Equals = Before.rfind('=');
          if (Equals != StringRef::npos)
            Text.replace({Head->Begin + unsigned(Before.substr(0, Equals).rtrim().size()),
                          Default->End},
                         "");
        }
    Signature = Text.render(*Head);
    Signature.pop_back();
  }
  std::string Args;
  auto Arg = [&](const std::string &Text) {
    Args += (Args.empty() ? "" : ", ") + Text;
  };
  if (!Plan.SelfType.empty())
    Arg("this");
  for (const FrameVar &P : Plan.Params)
    Arg(passed(P.Decl, P.Decl->getName().str()));
  std::string Coro = Text.span(F->getReturnTypeSourceRange())
                         ? Text.original(*Text.span(F->getReturnTypeSourceRange())).str()
                         : "cosm::Coro<" + Plan.ResultType + ">";
  // Awaits of an internal function may all build its frame in place
  // (embedded), leaving the function itself unused.
  if (!F->isExternallyVisible() && !isa<CXXMethodDecl>(F))
    Signature = "[[maybe_unused]] " + Signature;
  std::string Header =
      Plan.TemplateHeader.empty() ? "" : Plan.TemplateHeader + "\n";
  if (!Declaration.empty())
    Declaration = Header + Declaration;
  std::string Creates =
      "// Calling " + Plan.DisplayName +
      "() creates its frame and runs nothing.\nreturn " + Coro +
      (Plan.Dependent ? "::template make<" : "::make<") + Plan.FrameName +
      Plan.TemplateArgs + ">(" + Args + ");\n}\n";
  if (!Lines)
    return Header + Signature + "{\n" + Creates;
  // The signature as written; the glue inside maps to the function's line.
  return mapped(Header, functionLine()) +
         Lines->directive(Lines->line(F->getOuterLocStart())) + Signature +
         "{\n" + mapped(Creates, functionLine());
}

} // namespace

std::optional<LoweredFunction> emitFrame(FunctionPlan &Plan,
                                         ASTContext &Context, EditedText &Text,
                                         const LineDirectives *Lines) {
  return Emitter(Plan, Context, Text, Lines).run();
}

} // namespace cosm
