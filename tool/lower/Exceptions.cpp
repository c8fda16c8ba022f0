//===- lower/Exceptions.cpp - try blocks and their handlers ---------------===//
//
// A try block with resume points inside is entered through a label before
// it and a switch of its own (a region). A handler that suspends cannot stay
// a C++ handler, since nothing may jump into one: it keeps the exception in
// the frame and runs after the try statement.
//
//===----------------------------------------------------------------------===//

#include "lower/Lowerer.h"
#include "llvm/Support/FormatVariadic.h"
#include <map>

using namespace clang;

namespace cosm {

/// Rewrites each `throw;` that rethrows \p Handler's exception (not one of a
/// nested handler's) to rethrow \p Caught instead, and each
/// `std::current_exception()` to \p Caught: no exception is active where
/// the handler runs.
static void rethrowFrom(const Stmt *S, const std::string &Caught,
                        EditedText &Text) {
  if (!S || isa<LambdaExpr>(S) || isa<CXXCatchStmt>(S))
    return;
  if (const auto *Throw = dyn_cast<CXXThrowExpr>(S);
      Throw && !Throw->getSubExpr())
    if (auto Where = Text.span(Throw->getSourceRange()))
      Text.replace(*Where, "std::rethrow_exception(" + Caught + ")");
  if (const auto *Call = dyn_cast<CallExpr>(S))
    if (const FunctionDecl *Callee = Call->getDirectCallee();
        Callee && Callee->isInStdNamespace() && Callee->getIdentifier() &&
        Callee->getName() == "current_exception")
      if (auto Where = Text.span(Call->getSourceRange())) {
        Text.replace(*Where, Caught);
        return;
      }
  for (const Stmt *Child : S->children())
    rethrowFrom(Child, Caught, Text);
}

void Lowerer::tryStmt(const CXXTryStmt *T) {
  const CompoundStmt *Body = T->getTryBlock();
  std::map<const CXXCatchStmt *, std::string> Moved;
  for (unsigned I = 0; I < T->getNumHandlers(); ++I)
    if (Plan.containsAwait(T->getHandler(I)->getHandlerBlock())) {
      std::string Caught =
          member(MemberRole::Caught, "std::exception_ptr", "caught");
      code(Caught + " = nullptr;\n");
      Moved[T->getHandler(I)] = Caught;
    }

  bool Suspends = Plan.containsAwait(Body);
  // A try block without resume points may still construct frame objects
  // (locals nested in one): its handlers destroy them too.
  unsigned Id = Suspends ? ++RegionCount : 0;
  enterRegion(Region::TryBlock, Id, llvm::formatv("try_{0}", Id).str());
  if (!Suspends) {
    code("try ");
    compound(Body);
  } else {
    code(llvm::formatv("try_{0}:\ntry {{\n", Id).str());
    add(Op::Dispatch).Id = Id;
    compound(Body, /*Braces=*/false);
    code("}\n");
  }
  std::vector<Cleanup> Objects = Open.back().Objects;
  leaveRegion();
  // What each moved handler's scope ends with: the exception, and the
  // parameter if the frame holds an object for it.
  std::vector<Cleanup> Parameters(T->getNumHandlers());
  for (unsigned I = 0; I < T->getNumHandlers() && !Failed; ++I) {
    const CXXCatchStmt *Handler = T->getHandler(I);
    auto IsMoved = Moved.find(Handler);
    handler(Handler, IsMoved == Moved.end() ? "" : IsMoved->second, Objects);
    if (IsMoved == Moved.end())
      continue;
    if (const VarDecl *Param = Handler->getExceptionDecl())
      if (const FrameVar *V = Plan.frameVar(Param);
          V && (V->Store == Storage::Object || V->Store == Storage::Ref))
        Parameters[I] = {V->Name, V->LiveBit};
  }
  if (Failed)
    return;
  for (unsigned I = 0; I < T->getNumHandlers(); ++I)
    if (auto IsMoved = Moved.find(T->getHandler(I)); IsMoved != Moved.end())
      movedHandler(T->getHandler(I), IsMoved->second, Parameters[I]);
}

/// The C++ handler. The try block's frame objects that were alive when it
/// threw end before the handler runs, as C++ destroys a try block's locals.
/// A handler that suspends (\p Caught names its kept exception) only keeps
/// the exception, and what its parameter denotes, here.
void Lowerer::handler(const CXXCatchStmt *Handler, const std::string &Caught,
                      std::vector<Cleanup> &Objects) {
  const auto *Block = cast<CompoundStmt>(Handler->getHandlerBlock());
  auto Head =
      Text.span(SourceRange(Handler->getCatchLoc(), Block->getLBracLoc()));
  if (!Head) {
    fail(Handler->getCatchLoc(), Diag::InMacro, "this handler");
    return;
  }
  // `catch (E e)` whose e the frame holds: the frame's copy is the one C++
  // makes, so the handler binds the exception by reference.
  if (const VarDecl *Param = Handler->getExceptionDecl();
      Param && !Caught.empty())
    if (const FrameVar *V = Plan.frameVar(Param);
        V && V->Store == Storage::Object &&
        !Param->getType()->isReferenceType())
      if (auto Name = Text.span(Param->getLocation()))
        Text.insert(Name->Begin, "&");
  std::string Catch = Text.render(*Head);
  Catch.pop_back(); // the handler's '{'
  code(Catch + "{\n");
  Exit Entry{Exit::Handler, pos(Handler->getCatchLoc()), {}};
  // The handler's parameter may hide a member's name: `this->`.
  for (auto It = Objects.rbegin(); It != Objects.rend(); ++It) {
    if (It->LiveBit < 0)
      code("this->" + It->Name + " = nullptr;\n"); // a nested handler's
    else
      add(Op::DestroyIfLive, "this->" + It->Name, CurrentLine).Bit =
          It->LiveBit;
    Entry.Destroys.push_back(It->Name);
  }
  Model.Exits.push_back(std::move(Entry));
  if (Caught.empty()) {
    compound(Block, /*Braces=*/false);
    code("}\n");
    return;
  }
  code(Caught + " = std::current_exception();\n");
  // A handler of an enclosing try statement ends this one's exception and
  // parameter first, as leaving this handler by an exception would.
  if (!Open.empty())
    Open.back().Objects.push_back({Caught, -1});
  if (const VarDecl *Param = Handler->getExceptionDecl())
    if (const FrameVar *V = Plan.frameVar(Param)) {
      std::string Source = Param->getName().str();
      switch (V->Store) {
      case Storage::Pointer:
        code("this->" + V->Name + " = std::addressof(" + Source + ");\n");
        break;
      case Storage::Plain:
        code("this->" + V->Name + " = " + Source + ";\n");
        break;
      case Storage::Object:
      case Storage::Ref:
        code("::new (&this->" + V->Name + ") " + V->Type + "(" + Source +
             ");\n");
        if (V->LiveBit >= 0) {
          setLive(V->LiveBit);
          if (!Open.empty())
            Open.back().Objects.push_back({V->Name, V->LiveBit});
        }
        break;
      }
    }
  code("}\n");
}

/// A handler that suspends, after its try statement: it runs if it kept an
/// exception, and leaving it ends the exception, as in C++.
void Lowerer::movedHandler(const CXXCatchStmt *Handler,
                           const std::string &Caught,
                           const Cleanup &Parameter) {
  code("// The handler of " +
       (Handler->getExceptionDecl() ? typeText(Handler->getCaughtType())
                                    : std::string("...")) +
       ", outside the try statement: it suspends.\n");
  code("if (" + Caught + ") {\n");
  pushScope(Handler);
  Scopes.back().push_back({Caught, -1});
  if (Parameter.LiveBit >= 0)
    Scopes.back().push_back(Parameter);
  rethrowFrom(Handler->getHandlerBlock(), Caught, Text);
  compound(cast<CompoundStmt>(Handler->getHandlerBlock()), /*Braces=*/false);
  popScope(Handler->getEndLoc());
  code("}\n");
}

} // namespace cosm
