//===- lower/Lowerer.h - The walk that builds a FrameModel ------*- C++ -*-===//
///
/// \file
/// Private to tool/lower/. One Lowerer walks one function body; its parts
/// are split by subject: Lowerer.cpp (operations, scopes, the result),
/// Statements.cpp, Loops.cpp, Exceptions.cpp, Expressions.cpp, Awaits.cpp.
///
//===----------------------------------------------------------------------===//
#ifndef COSM_LOWER_LOWERER_H
#define COSM_LOWER_LOWERER_H

#include "lower/Lowering.h"
#include "support/Diagnostics.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "llvm/ADT/StringSet.h"
#include <map>
#include <set>

namespace cosm {

/// True if a frame object of \p Type must be destroyed (assumed for a type
/// that depends on a template parameter).
inline bool needsDestruction(clang::QualType Type) {
  return Type->isDependentType() || Type.isDestructedType();
}

/// True if evaluating \p E earlier or later gives the same result: it has
/// no side effects and reads nothing a suspension could change.
bool isStable(const clang::Expr *E);

/// The calls at \p Pattern's place in the instantiations of the template
/// it is written in, if it depends on a template parameter
/// (lower/Instantiations.cpp).
std::vector<const clang::CallExpr *>
instantiatedCalls(const clang::CallExpr *Pattern, clang::ASTContext &Context);

/// The storage slot of each local of \p Plan (FrameModel::LocalSlots).
std::vector<unsigned> shareStorage(const FunctionPlan &Plan,
                                   const clang::SourceManager &SM);

class Lowerer {
public:
  Lowerer(const FunctionPlan &Plan, clang::ASTContext &Context,
          EditedText &Text, const LineDirectives &Lines);

  std::optional<FrameModel> run();

private:
  // Operations. Each carries the user's line it implements (CurrentLine).
  void code(std::string S) { text(Op::Code, std::move(S), CurrentLine); }
  void glue(std::string S) { text(Op::Glue, std::move(S), CurrentLine); }
  void user(std::string S, clang::SourceLocation Begin) {
    text(Op::User, std::move(S), Lines.line(Begin));
  }
  /// Code of one of the three kinds; nothing for none.
  void text(Op::Kind What, std::string S, unsigned Line) {
    if (!S.empty())
      add(What, std::move(S), Line);
  }
  Op &add(Op::Kind What, std::string S = {}, unsigned Line = 0);
  bool lastLineHasPlaceholder() const;
  /// Makes the operations added in its lifetime map to \p Loc's line.
  class AtLine {
  public:
    AtLine(Lowerer &L, clang::SourceLocation Loc) : L(L), Saved(L.CurrentLine) {
      if (unsigned Line = L.Lines.line(Loc))
        L.CurrentLine = Line;
    }
    ~AtLine() { L.CurrentLine = Saved; }

  private:
    Lowerer &L;
    unsigned Saved;
  };
  SourcePos pos(clang::SourceLocation Loc) const;

  std::string freshName(llvm::StringRef Stem);
  std::string member(MemberRole Role, std::string Type, llvm::StringRef Stem,
                     bool InUnion = false, int LiveBit = -1);
  std::string typeText(clang::QualType Type) const {
    return Plan.typeText(Type, &NamesLocalType);
  }
  bool fail(clang::SourceLocation Loc, Diag Kind, llvm::StringRef Arg = {});
  std::optional<Span> spanOf(const clang::Stmt *S);
  /// The type of \p E (without reference, and cv-qualifiers if \p
  /// Unqualified) as code: through `decltype` when it is an `auto` a
  /// template parameter decides.
  std::string exprType(const clang::Expr *E, bool Unqualified = false);
  std::string render(const clang::Stmt *S);
  /// `std::addressof(Value)`, or for an xvalue (which std::addressof does
  /// not take) the runtime's `cosm::detail::address_of(Value)`.
  static std::string addressOf(const clang::Expr *E, const std::string &Value);
  void replace(const clang::Stmt *S, std::string With);

  // Scopes, and what ends with each: the frame objects declared in it (and
  // a caught exception whose handler runs outside its try statement).
  struct Cleanup {
    std::string Name;
    int LiveBit = -1; ///< -1: clear a kept exception
    /// Where a user's variable is declared (a `goto` back before it ends it).
    clang::SourceLocation Declared = {};
  };
  void pushScope(const clang::Stmt *Owner) {
    Scopes.emplace_back();
    ScopeOwners.push_back(Owner);
  }
  void popScope(clang::SourceLocation End = {});
  /// Ends the innermost scope without destroying (its end is unreachable).
  void dropScope() {
    Scopes.pop_back();
    ScopeOwners.pop_back();
  }
  void destroy(const std::vector<Cleanup> &Cleanups, Exit &Record);
  void exitScopes(Exit::Kind What, clang::SourceLocation Loc, size_t Depth);
  void setLive(int Bit);
  void constructed(const std::string &Name, int LiveBit,
                   clang::SourceLocation Declared = {});

  // Statements.
  void stmt(const clang::Stmt *S);
  bool copiedWhole(const clang::Stmt *S);
  std::optional<std::string> asWritten(const clang::Stmt *S);
  void block(const clang::Stmt *S);
  void compound(const clang::CompoundStmt *C, bool Braces = true);
  void comments(Span Gap, bool AfterStatement);
  void declStmt(const clang::DeclStmt *D);
  void localType(const clang::DeclStmt *D);
  void construct(const FrameVar &V);
  std::string constructArgs(const clang::VarDecl *D);
  void returnStmt(const clang::ReturnStmt *R);
  std::string head(const clang::Stmt *Init, const clang::DeclStmt *Variable,
                   const clang::Expr *Cond);
  bool headIsLowered(const clang::Stmt *S, const clang::Stmt *Init,
                     const clang::DeclStmt *Variable);
  void headDecls(const clang::Stmt *Init, const clang::DeclStmt *Variable);
  std::string variableUse(const clang::VarDecl *V) const;
  void ifStmt(const clang::IfStmt *I);
  void constexprIf(const clang::IfStmt *I);
  void dependentConstexprIf(const clang::IfStmt *I);
  void enterRegion(Region::Kind What, unsigned Id, std::string Entry);
  Region leaveRegion();
  void branchRegion(unsigned Id, const clang::Stmt *Branch);

  // Loops and jumps (Loops.cpp), exceptions (Exceptions.cpp).
  void whileStmt(const clang::WhileStmt *W);
  void doStmt(const clang::DoStmt *D);
  void conditionVariable(const clang::Stmt *Loop,
                         const clang::DeclStmt *Variable,
                         std::string ContinueTo = {});
  void forStmt(const clang::ForStmt *F);
  void forConditionVariable(const clang::ForStmt *F,
                            const clang::DeclStmt *Variable);
  std::string forCondition(const clang::ForStmt *F);
  void rangeFor(const clang::CXXForRangeStmt *F);
  void rangeLoop(const clang::CXXForRangeStmt *F);
  std::string rangeMember(const clang::Expr *RangeInit);
  void switchStmt(const clang::SwitchStmt *S);
  void switchOn(const clang::SwitchStmt *S, std::string Cond);
  void jump(const clang::Stmt *S);
  void gotoStmt(const clang::GotoStmt *G);
  std::string labelName(const clang::LabelDecl *Label);
  void loopBody(const clang::Stmt *Body, std::string ContinueTo = {});
  void tryStmt(const clang::CXXTryStmt *T);
  void handler(const clang::CXXCatchStmt *Handler, const std::string &Caught,
               std::vector<Cleanup> &Cleanups);
  void movedHandler(const clang::CXXCatchStmt *Handler,
                    const std::string &Caught, const Cleanup &Parameter);

  // Expressions (Expressions.cpp) and awaits (Awaits.cpp).
  std::string expr(const clang::Expr *E);
  std::string logical(const clang::BinaryOperator *B);
  std::string conditional(const clang::AbstractConditionalOperator *C);
  std::string liftedLambda(const clang::Expr *E, const std::string &Value,
                           bool Maybe);
  std::string spill(const clang::Expr *E, const std::string &Value);
  bool readsHandleResult(const clang::Stmt *S, llvm::StringRef Value) const;
  /// Lowers \p Operands of \p E, in the order C++ evaluates them: each
  /// one before the last that suspends is evaluated and saved before that
  /// suspension. False after an error.
  bool operands(const clang::Expr *E,
                llvm::ArrayRef<const clang::Expr *> Operands);
  bool checkBoundTemporaries(const clang::CallExpr *Call);
  bool checkBoundArguments(const clang::CallExpr *Call,
                           const clang::CallExpr *Pattern);
  bool passDefaults(const clang::CallExpr *Call, unsigned Skip);
  void keepTemporaries(const clang::Stmt *S, bool All = false,
                       bool Coroutines = false);
  void keepOperandTemporaries(const clang::Expr *Operand);
  bool keeps(const clang::MaterializeTemporaryExpr *Temporary, bool All,
             bool Coroutines);
  const clang::Expr *keptMaybe(const clang::Stmt *S, bool All, bool Coroutines);
  bool keepBefore(const clang::Expr *E);
  std::string objectTemp(clang::QualType Type, const std::string &Value,
                         bool Maybe, std::string TypeText = "");
  std::string condition(const clang::Expr *E);
  void endFullExpression();
  std::string await(const clang::CallExpr *A);
  std::string awaitCoroutine(size_t Index, const clang::Expr *Operand);
  std::string awaitHandle(size_t Index, const clang::Expr *Operand);
  std::string awaitDependent(size_t Index, const clang::Expr *Operand);
  std::string awaitSleep(size_t Index, const clang::Expr *Operand,
                         const clang::Expr *Delay);
  std::string childType(const clang::Expr *Operand);
  bool inConstexprBranch() const;
  std::string constexprHint(const clang::Expr *Operand) const;
  bool embedFrame(const clang::Expr *Operand, bool &TooLarge);
  void resumePoint(unsigned State);
  void finishModel();

  const FunctionPlan &Plan;
  clang::ASTContext &Context;
  EditedText &Text;
  clang::DiagnosticsEngine &Diags;
  const LineDirectives &Lines;
  bool Failed = false;
  unsigned CurrentLine = 0;
  FrameModel Model;
  llvm::StringSet<> Taken;
  mutable bool NamesLocalType = false;

  /// A statement `break` or `continue` can leave.
  struct JumpTarget {
    bool IsLoop;
    size_t ScopeDepth;      ///< the scopes alive outside the statement
    std::string ContinueTo; ///< a label when `continue` cannot be used
    bool ContinueUsed = false;
    /// The scopes `continue` keeps, when not those `break` keeps (a `for`
    /// condition's variable lives on through the increment).
    std::optional<size_t> ContinueDepth = std::nullopt;
  };
  /// A region being lowered, and the frame objects its handlers destroy.
  struct OpenRegion {
    Region R;
    std::vector<Cleanup> Objects;
  };
  /// A value kept for the rest of a full-expression: destroyed (Object) or
  /// released (handle) when the statement ends.
  struct Temp {
    std::string Name;
    int LiveBit = -1;   ///< an Object with a destructor
    bool Maybe = false; ///< constructed on one branch only
  };
  std::vector<std::vector<Cleanup>> Scopes;
  /// The statement each scope belongs to (what a `goto` may stay inside).
  std::vector<const clang::Stmt *> ScopeOwners;
  std::vector<JumpTarget> Targets;
  std::vector<OpenRegion> Open;
  std::vector<Temp> Temps;
  std::vector<std::string> Handles;
  /// User labels renamed because they are spelled like generated ones.
  std::map<const clang::LabelDecl *, std::string> Labels;
  /// Objects the generated code keeps (temporaries, ranges): bit, name.
  std::vector<std::pair<int, std::string>> TempBits;
  /// Live bits in the order their objects are constructed.
  std::vector<int> Constructed;
  /// Temporaries already moved into the frame by keepTemporaries().
  std::set<const clang::Stmt *> Kept;
  /// Calls whose default arguments passDefaults() wrote out.
  std::set<const clang::CallExpr *> DefaultsPassed;
  /// A second local type of a name already declared, if any.
  clang::SourceLocation Clash;
  unsigned States = 0;
  unsigned RegionCount = 0;
  unsigned Branches = 0;
  /// The block that ends a case of a switch and falls into the next label:
  /// if its end destroys objects, `[[fallthrough]];` follows them.
  const clang::CompoundStmt *EndsCase = nullptr;
};

} // namespace cosm

#endif // COSM_LOWER_LOWERER_H
