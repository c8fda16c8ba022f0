//===- lower/Statements.cpp - Blocks, declarations, returns ---------------===//

#include "lower/Lowerer.h"
#include "clang/AST/Attr.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "llvm/Support/FormatVariadic.h"

using namespace clang;

namespace cosm {

namespace {
/// Finds what makes a statement's lowering differ from its text: a jump
/// that may leave it (its scopes may hold frame objects), a label or case
/// a resumption or a switch enters by, a local kept in the frame.
class NeedsLowering : public RecursiveASTVisitor<NeedsLowering> {
public:
  explicit NeedsLowering(const FunctionPlan &Plan) : Plan(Plan) {}
  bool Found = false;
  bool TraverseLambdaExpr(LambdaExpr *) { return true; }
  bool VisitStmt(Stmt *S) {
    Found |= isa<ReturnStmt, BreakStmt, ContinueStmt, GotoStmt,
                 IndirectGotoStmt, LabelStmt, SwitchCase, CXXTryStmt>(S);
    return !Found;
  }
  bool VisitVarDecl(VarDecl *V) {
    Found |= Plan.frameVar(V) != nullptr;
    return !Found;
  }

private:
  const FunctionPlan &Plan;
};
} // namespace

/// True if \p S, a statement a macro spells (`CHECK(x)` as `do { if (!(x))
/// throw ...; } while (0)`), is copied whole: the lowering would edit
/// the macro's text, which it cannot, and it needs to change nothing in it.
bool Lowerer::copiedWhole(const Stmt *S) {
  if (!S->getBeginLoc().isMacroID() || isa<Expr>(S) || Plan.containsAwait(S) ||
      !Text.span(S->getSourceRange()))
    return false;
  NeedsLowering Check(Plan);
  Check.TraverseStmt(const_cast<Stmt *>(S));
  return !Check.Found;
}

/// A statement a macro spells, as the user wrote it: a macro may quote its
/// arguments (`#x`), where the frame's rewritten references would show
/// (`state_2`, `(*ref)`). When those are the only edits in it, the text is
/// kept and a block around it names each member as the user did.
std::optional<std::string> Lowerer::asWritten(const Stmt *S) {
  auto Where = Text.span(S->getSourceRange());
  if (!S->getBeginLoc().isMacroID() || isa<DeclStmt>(S) || !Where)
    return std::nullopt;
  struct Reference {
    Span At;
    std::string Rewritten, Alias;
  };
  struct Finder : RecursiveASTVisitor<Finder> {
    const FunctionPlan &Plan;
    const EditedText &Text;
    std::vector<Reference> Found;
    bool Unmapped = false;
    Finder(const FunctionPlan &Plan, const EditedText &Text)
        : Plan(Plan), Text(Text) {}
    bool VisitDeclRefExpr(DeclRefExpr *E) {
      const auto *V = dyn_cast<VarDecl>(E->getDecl());
      const FrameVar *FV = V ? Plan.frameVar(V) : nullptr;
      if (!FV || E->refersToEnclosingVariableOrCapture())
        return true;
      std::string User = V->getName().str(), Member = "this->" + FV->Name;
      Reference R;
      if (FV->Store == Storage::Pointer) {
        R = {{}, "(*" + FV->Name + ")", "auto &" + User + " = *" + Member};
      } else if (FV->Store == Storage::Object && !isa<ParmVarDecl>(V) &&
                 V->getType().isConstQualified() &&
                 !V->getType()->isReferenceType()) {
        R = {{},
             "std::as_const(" + FV->Name + ")",
             "const auto &" + User + " = " + Member};
      } else if (FV->Name != User) {
        R = {{}, FV->Name, "auto &" + User + " = " + Member};
      } else {
        return true;
      }
      auto At = Text.span(E->getLocation());
      if (!At) {
        Unmapped = true;
        return false;
      }
      R.At = *At;
      Found.push_back(std::move(R));
      return true;
    }
  } Refs(Plan, Text);
  Refs.TraverseStmt(const_cast<Stmt *>(S));
  if (Refs.Unmapped || Refs.Found.empty())
    return std::nullopt;
  llvm::sort(Refs.Found, [](const Reference &A, const Reference &B) {
    return A.At.Begin < B.At.Begin;
  });
  // Only those edits: the original text with them is what render() gives.
  std::string Expected, Aliases;
  unsigned At = Where->Begin;
  llvm::StringSet<> Named;
  for (const Reference &R : Refs.Found) {
    if (R.At.Begin < At)
      return std::nullopt;
    Expected += Text.original({At, R.At.Begin}).str() + R.Rewritten;
    At = R.At.End;
    if (Named.insert(R.Alias).second)
      Aliases += R.Alias + ";\n";
  }
  Expected += Text.original({At, Where->End}).str();
  if (Expected != Text.render(*Where))
    return std::nullopt;
  return "{\n" + Aliases + Text.original(*Where).str();
}

void Lowerer::stmt(const Stmt *S) {
  if (Failed)
    return;
  AtLine Here(*this, S->getBeginLoc());
  if (copiedWhole(S)) {
    // A statement that ends in an expression or `while (...)` leaves its
    // `;` to the invocation.
    std::optional<std::string> Written = asWritten(S);
    std::string Code = Written ? *Written : render(S);
    StringRef End = StringRef(Code).rtrim();
    if (!End.ends_with(";") && !End.ends_with("}"))
      Code += ";";
    return user(Code + (Written ? "\n}\n" : "\n"), S->getBeginLoc());
  }
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
  case Stmt::GotoStmtClass:
    return gotoStmt(cast<GotoStmt>(S));
  case Stmt::LabelStmtClass: {
    const auto *Label = cast<LabelStmt>(S);
    code(labelName(Label->getDecl()) + ":\n");
    return stmt(Label->getSubStmt());
  }
  case Stmt::NullStmtClass:
    return code(";\n");
  case Stmt::CaseStmtClass: {
    const auto *Case = cast<CaseStmt>(S);
    code("case " + render(Case->getLHS()));
    if (Case->getRHS())
      code(" ... " + render(Case->getRHS()));
    code(":\n");
    return stmt(Case->getSubStmt());
  }
  case Stmt::DefaultStmtClass:
    code("default:\n");
    return stmt(cast<DefaultStmt>(S)->getSubStmt());
  case Stmt::AttributedStmtClass: {
    const auto *Attributed = cast<AttributedStmt>(S);
    if (isa<NullStmt>(Attributed->getSubStmt()))
      return code(render(S) + ";\n"); // [[fallthrough]];
    return stmt(Attributed->getSubStmt());
  }
  default:
    break;
  }
  if (const auto *E = dyn_cast<Expr>(S)) {
    bool Suspends = Plan.containsAwait(E);
    if (std::optional<std::string> Written =
            Suspends ? std::nullopt : asWritten(E))
      return user(*Written + ";\n}\n", S->getBeginLoc());
    std::string Value = expr(E);
    if (Suspends)
      code(Value + ";\n");
    else
      user(Value + ";\n", S->getBeginLoc());
    return endFullExpression();
  }
  if (Plan.containsAwait(S)) {
    fail(S->getBeginLoc(), Diag::Unsupported,
         std::string("'cosm::await' in a ") + S->getStmtClassName());
    return;
  }
  user(render(S) + "\n", S->getBeginLoc());
}

void Lowerer::block(const Stmt *S) {
  if (const auto *C = dyn_cast<CompoundStmt>(S))
    return compound(C);
  code("{\n");
  pushScope(S);
  stmt(S);
  popScope(S->getEndLoc());
  code("}\n");
}

static bool isFallthrough(const Stmt *S) {
  const auto *Attributed = dyn_cast<AttributedStmt>(S);
  return Attributed && isa<NullStmt>(Attributed->getSubStmt());
}

/// The block \p S ends with, through case and statement labels.
void Lowerer::compound(const CompoundStmt *C, bool Braces) {
  if (Braces)
    code("{\n");
  pushScope(C);
  bool FallsIntoLabel = C == EndsCase;
  auto Previous = Text.offset(C->getLBracLoc());
  unsigned Cursor = Previous ? *Previous + 1 : 0;
  for (auto It = C->body_begin(); It != C->body_end(); ++It) {
    const Stmt *Child = *It;
    // `case 1: { T t; ... }` followed by another label of the switch.
    EndsCase = std::next(It) != C->body_end() && isa<SwitchCase>(*std::next(It))
                   ? dyn_cast<CompoundStmt>(underLabels(Child))
                   : nullptr;
    // A closing `[[fallthrough]];` must stay last: the scope ends before it.
    if (Child == C->body_back() && isFallthrough(Child)) {
      popScope(Child->getBeginLoc());
      code(render(Child) + ";\n");
      if (Braces)
        code("}\n");
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
  // After a final return, break, continue or goto the scope's end is
  // unreachable.
  const Stmt *Last = C->body_empty() ? nullptr : C->body_back();
  while (const auto *Label = dyn_cast_or_null<LabelStmt>(Last))
    Last = Label->getSubStmt();
  EndsCase = nullptr;
  if (isa_and_nonnull<ReturnStmt, BreakStmt, ContinueStmt, GotoStmt>(Last)) {
    dropScope();
  } else {
    size_t Exits = Model.Exits.size();
    popScope(C->getRBracLoc());
    // The destructions the lowering added end the case where the source's
    // block ended with its own statement: say the fall-through is meant.
    if (FallsIntoLabel && Model.Exits.size() != Exits)
      code("[[fallthrough]];\n");
  }
  if (Braces)
    code("}\n");
}

/// The comments in \p Gap, each on its own line; except that a comment on
/// the line where the previous statement ends stays at its end.
void Lowerer::comments(Span Gap, bool AfterStatement) {
  std::string All = Text.comments(Gap);
  if (All.empty())
    return;
  StringRef Before = Text.original(Gap);
  Before = Before.substr(0, std::min(Before.find("//"), Before.find("/*")));
  StringRef First = StringRef(All).split('\n').first;
  bool Whole = First.starts_with("//") || First.ends_with("*/");
  Op *Last = Model.Body.empty() ? nullptr : &Model.Body.back();
  bool EndsLine = Last && (Last->What == Op::Code || Last->What == Op::Glue ||
                                   Last->What == Op::User
                               ? StringRef(Last->Text).ends_with("\n")
                               : Last->What != Op::BranchEntries);
  if (AfterStatement && Whole && EndsLine && !lastLineHasPlaceholder() &&
      !Before.contains('\n')) {
    Last->Trailing += (Last->Trailing.empty() ? "" : " ") + First.str();
    All.erase(0, First.size() + 1);
  }
  code(All);
}

void Lowerer::declStmt(const DeclStmt *D) {
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
    // A condition's declaration has no semicolon of its own.
    if (!StringRef(Code).rtrim().ends_with(";"))
      Code += ";";
    // A resumption may jump past a constant: only a static allows it. The
    // frame's members spell its value (`int[3]`), so it may go unused.
    if (Constant) {
      size_t Attributes = StringRef(Code).starts_with("[[") ? Code.find("]]")
                                                            : std::string::npos;
      if (Attributes == std::string::npos)
        Code.insert(0, "[[maybe_unused]] static ");
      else
        Code.insert(Attributes + 2, " [[maybe_unused]] static");
    }
    user(Code + "\n", D->getBeginLoc());
    return endFullExpression();
  }
  for (const Decl *Each : D->decls()) {
    const auto *V = dyn_cast<VarDecl>(Each);
    const FrameVar *FV = V ? Plan.frameVar(V) : nullptr;
    if (!FV && isa<TagDecl>(Each)) {
      fail(Each->getLocation(), Diag::Unsupported,
           "a type defined in the declaration of a local kept in the frame "
           "('struct P { ... } p;': define the type in a declaration of its "
           "own)");
      return;
    }
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
/// once every member is: the declaration's place is an operation.
void Lowerer::localType(const DeclStmt *D) {
  auto Where = spanOf(D);
  if (!Where)
    return;
  for (const Decl *Each : D->decls())
    if (const auto *Named = dyn_cast<NamedDecl>(Each)) {
      // Nested in the frame, two types of one name would clash; the driver
      // renames them first (driver/LocalTypeNames.h), so this is a guard.
      if (Named->getIdentifier() && !Clash.isValid())
        for (const auto &Earlier : Model.LocalTypes)
          if (Earlier.Name == Named->getName())
            Clash = Named->getLocation();
      Model.LocalTypes.push_back({Named->getName().str(), {}});
    }
  Model.LocalTypes.back().Code = Text.render(*Where);
  add(Op::LocalType, {}, CurrentLine).Id = Model.LocalTypes.size() - 1;
}

void Lowerer::construct(const FrameVar &V) {
  const VarDecl *D = V.Decl;
  const Expr *Init = D->getInit();
  switch (V.Store) {
  case Storage::Plain:
    if (Init) {
      code(V.Name + " = " + expr(Init) + ";\n");
      endFullExpression();
    }
    return;
  case Storage::Pointer:
    code(V.Name + " = " + addressOf(Init, expr(Init)) + ";\n");
    return endFullExpression();
  case Storage::Ref:
    return;
  case Storage::Object:
    break;
  }
  // `auto [a, b] = arr;` copies the array element by element, which no
  // new-expression can say.
  if (const auto *Copy = dyn_cast_or_null<ArrayInitLoopExpr>(
          Init ? Init->IgnoreImplicit() : nullptr)) {
    const Expr *Source = Copy->getCommonExpr()->getSourceExpr();
    if (!Source->isLValue() || Copy->getType()
                                   ->getAsArrayTypeUnsafe()
                                   ->getElementType()
                                   ->isArrayType()) {
      fail(D->getLocation(), Diag::Unsupported,
           "a copy of an array that is moved or holds arrays, kept across "
           "a suspension (bind a reference, or use std::array)");
      return;
    }
    code("std::uninitialized_copy_n(std::begin(" + expr(Source) + "), " +
         std::to_string(Copy->getArraySize().getZExtValue()) + ", std::begin(" +
         V.Name + "));\n");
    endFullExpression();
    constructed(V.Name, V.LiveBit, D->getLocation());
    return;
  }
  std::string Args;
  if (D->getType()->isReferenceType()) {
    // The temporary the reference extends lives in the frame.
    const auto *Temp = cast<MaterializeTemporaryExpr>(boundExpr(Init));
    Args = "(" + expr(Temp->getSubExpr()) + ")";
  } else {
    Args = constructArgs(D);
  }
  // An array as `T[2][3]`, its elements' const dropped as the member's:
  // Clang rejects `new (p) Alias{a, b}` for an alias of an array of a
  // template parameter, and miscompiles it for an array of arrays.
  std::string NewType = V.Type;
  if (Context.getAsConstantArrayType(D->getType())) {
    std::string Bounds;
    QualType Element = D->getType();
    while (const auto *Array = Context.getAsConstantArrayType(Element)) {
      Bounds += "[" + std::to_string(Array->getSize().getZExtValue()) + "]";
      Element = Array->getElementType();
    }
    NewType = typeText(Element.getUnqualifiedType()) + Bounds;
  }
  code("::new (&" + V.Name + ") " + NewType + Args + ";\n");
  endFullExpression();
  constructed(V.Name, V.LiveBit, D->getLocation());
}

std::string Lowerer::constructArgs(const VarDecl *D) {
  const Expr *Init = D->getInit();
  if (!Init)
    return "";
  const Expr *Bare = Init->IgnoreImplicit();
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(Bare)) {
    SourceRange Parens = Construct->getParenOrBraceRange();
    if (Parens.isValid() && D->getInitStyle() != VarDecl::CInit) {
      // `Pair p(cosm::await(a), cosm::await(b))`: the first result is
      // saved before the second await (which may reuse the child slot).
      if (Plan.containsAwait(Construct) &&
          !operands(Construct, llvm::ArrayRef(Construct->getArgs(),
                                              Construct->getNumArgs())))
        return "";
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
  // `T v(3, 7)` in a template: the list is the parentheses' contents.
  if (const auto *List = dyn_cast<ParenListExpr>(Bare)) {
    llvm::ArrayRef<const Expr *> Args =
        const_cast<ParenListExpr *>(List)->exprs();
    if (Plan.containsAwait(List) && !operands(List, Args))
      return "";
    return render(List);
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

void Lowerer::returnStmt(const ReturnStmt *R) {
  if (const Expr *Value = returnedValue(R)) {
    std::string Text = expr(Value);
    // In a template `return {...};` is a braced list of type void.
    if (Value->getType()->isVoidType() &&
        !isa<InitListExpr>(Value->IgnoreImplicit())) {
      code(Text + ";\n");
    } else {
      if (movesOnReturn(Value))
        Text = "std::move(" + Text + ")";
      code("return_value(" + Text + ");\n");
    }
    endFullExpression();
  }
  exitScopes(Exit::Return, R->getBeginLoc(), 0);
  code("return finish();\n");
}

std::string Lowerer::variableUse(const VarDecl *V) const {
  const FrameVar *FV = Plan.frameVar(V);
  if (!FV)
    return V->getName().str();
  return FV->Store == Storage::Pointer ? "(*" + FV->Name + ")" : FV->Name;
}

void Lowerer::enterRegion(Region::Kind What, unsigned Id, std::string Entry) {
  Region R;
  R.What = What;
  R.Id = Id;
  R.Entry = std::move(Entry);
  R.Line = CurrentLine;
  Open.push_back({std::move(R), {}});
}

/// Ends the innermost region; its frame objects are the enclosing one's too.
Region Lowerer::leaveRegion() {
  OpenRegion Done = std::move(Open.back());
  Open.pop_back();
  if (!Open.empty())
    for (auto &Object : Done.Objects)
      Open.back().Objects.push_back(Object);
  if (Done.R.Id)
    Model.Regions.push_back(Done.R);
  return std::move(Done.R);
}

} // namespace cosm
