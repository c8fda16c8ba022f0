//===- lower/Storage.cpp - Frame storage shared by disjoint scopes --------===//
//
// Locals that are never alive at once (those of an `if` and of its `else`,
// of consecutive blocks, of a loop body and of what follows the loop) share
// frame storage: each goes into a union with others whose lifetimes are
// disjoint from its own, so a frame is as large as the largest set of locals
// alive at once, as Clang's optimised coroutine frames are. A local lives
// from its declaration to the end of the statement that ends it (its block,
// or the `if`, `switch`, loop or handler that declares it in its head): a
// span of the source, since control only leaves a scope through its end or
// by a jump that ends the scope's locals (a `goto` back before a declaration
// ends that local too).
//
//===----------------------------------------------------------------------===//

#include "lower/Lowerer.h"
#include "llvm/ADT/DenseMap.h"

using namespace clang;

namespace cosm {
namespace {

/// The statement that ends each local of a body.
class Scopes {
public:
  explicit Scopes(const Stmt *Body) { walk(Body, Body); }
  const Stmt *of(const VarDecl *V) const { return Scope.lookup(V); }

private:
  void walk(const Stmt *S, const Stmt *Owner) {
    if (!S || isa<LambdaExpr>(S))
      return;
    if (isa<CompoundStmt, IfStmt, SwitchStmt, WhileStmt, ForStmt,
            CXXForRangeStmt, CXXCatchStmt>(S))
      Owner = S;
    if (const auto *D = dyn_cast<DeclStmt>(S))
      for (const Decl *Each : D->decls())
        if (const auto *V = dyn_cast<VarDecl>(Each))
          Scope[V] = Owner;
    if (const auto *Range = dyn_cast<CXXForRangeStmt>(S))
      Scope[Range->getLoopVariable()] = Owner;
    if (const auto *Catch = dyn_cast<CXXCatchStmt>(S))
      if (const VarDecl *V = Catch->getExceptionDecl())
        Scope[V] = Owner;
    for (const Stmt *Child : S->children())
      walk(Child, Owner);
  }

  llvm::DenseMap<const VarDecl *, const Stmt *> Scope;
};

/// A local's lifetime as offsets in the function's file.
struct Lifetime {
  unsigned Begin = 0, End = 0;
  bool overlaps(const Lifetime &Other) const {
    return Begin <= Other.End && Other.Begin <= End;
  }
};

} // namespace

std::vector<unsigned> shareStorage(const FunctionPlan &Plan,
                                   const SourceManager &SM) {
  const Stmt *Body = Plan.function()->getBody();
  Scopes Tree(Body);
  FileID File = SM.getFileID(SM.getExpansionLoc(Body->getBeginLoc()));
  auto Offset = [&](SourceLocation Loc) -> std::optional<unsigned> {
    if (Loc.isInvalid() || Loc.isMacroID() || SM.getFileID(Loc) != File)
      return std::nullopt;
    return SM.getFileOffset(Loc);
  };
  std::vector<unsigned> Slot(Plan.Locals.size());
  std::vector<std::vector<Lifetime>> Slots; // the lifetimes in each slot
  for (size_t I = 0; I < Plan.Locals.size(); ++I) {
    const VarDecl *V = Plan.Locals[I].Decl;
    const Stmt *Scope = Tree.of(V);
    std::optional<unsigned> Begin = Offset(V->getBeginLoc());
    std::optional<unsigned> End =
        Scope ? Offset(Scope->getEndLoc()) : std::nullopt;
    // Objects share (scalars and pointers are too small to gain, and first
    // come first served would let them split objects). A handler's
    // parameter is built while the try block's locals end; it keeps storage
    // of its own, as does a local whose span is unknown.
    bool Shares = Begin && End && !isa<CXXCatchStmt>(Scope) &&
                  Plan.Locals[I].Store == Storage::Object;
    Lifetime Life{Shares ? *Begin : 0, Shares ? *End : 0};
    size_t Chosen = Slots.size();
    for (size_t K = 0; Shares && K < Slots.size() && Chosen == Slots.size();
         ++K)
      if (!Slots[K].empty() &&
          llvm::none_of(Slots[K], [&](const Lifetime &Other) {
            return Life.overlaps(Other);
          }))
        Chosen = K;
    if (Chosen == Slots.size())
      Slots.emplace_back();
    if (Shares)
      Slots[Chosen].push_back(Life);
    Slot[I] = Chosen;
  }
  return Slot;
}

} // namespace cosm
