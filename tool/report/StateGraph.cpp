//===- report/StateGraph.cpp - An async function's state machine ----------===//
//
// Control flow between suspension points comes from Clang's CFG of the
// body: from each point, a walk forward stops at the first `cosm::await` on
// every path. Catch handlers are entered only along exception edges (the CFG
// also links them to the try statement's entry, which is not how they run).
//
//===----------------------------------------------------------------------===//

#include "report/StateGraph.h"
#include "find/AsyncFinder.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Analysis/CFG.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/Support/Path.h"
#include <algorithm>
#include <deque>
#include <set>
#include <tuple>

using namespace clang;

namespace cosm {
namespace {

const char *kindName(AwaitKind Kind) {
  switch (Kind) {
  case AwaitKind::Coroutine:
    return "coroutine";
  case AwaitKind::Task:
    return "task";
  case AwaitKind::Future:
    return "future";
  case AwaitKind::Dependent:
    return "coroutine, task or future (by instantiation)";
  case AwaitKind::Sleep:
    return "sleep, in this frame";
  }
  llvm_unreachable("unknown await kind");
}

/// The text of \p S as written, on one line and at most \p Max characters.
std::string shortText(const Stmt *S, ASTContext &Context, size_t Max) {
  const SourceManager &SM = Context.getSourceManager();
  CharSourceRange Range = Lexer::makeFileCharRange(
      CharSourceRange::getTokenRange(S->getSourceRange()), SM,
      Context.getLangOpts());
  std::string Out;
  for (char C : Lexer::getSourceText(Range, SM, Context.getLangOpts())) {
    bool Space = C == ' ' || C == '\n' || C == '\t' || C == '\r';
    if (Space && (Out.empty() || Out.back() == ' '))
      continue;
    Out += Space ? ' ' : C;
  }
  if (Out.size() > Max)
    Out = Out.substr(0, Max - 3) + "...";
  return Out;
}

class GraphBuilder {
public:
  GraphBuilder(const FunctionPlan &Plan, llvm::ArrayRef<Suspension> Points,
               ASTContext &Context)
      : Plan(Plan), Points(Points), Context(Context),
        SM(Context.getSourceManager()) {}

  FunctionGraph run();

private:
  /// Records the try statement around each await and throw, and around
  /// each try statement.
  void walkTries(const Stmt *S, const CXXTryStmt *Around);
  /// Where an exception from inside \p Around goes: the handlers that may
  /// take it, innermost first, up to one that takes everything.
  std::vector<std::string> throwTargets(const CXXTryStmt *Around,
                                        bool Cancellation);
  std::string handlerNode(const CXXCatchStmt *H);
  void addEdge(const std::string &From, const std::string &To,
               GraphEdge::Kind Kind);
  /// The edges from \p From when control is at element \p Index of \p B.
  void walkFrom(const std::string &From, const CFGBlock *B, unsigned Index);
  void exceptionEdges(const Suspension &P, const std::string &From);
  void sourceOrder();

  const FunctionPlan &Plan;
  llvm::ArrayRef<Suspension> Points;
  ASTContext &Context;
  const SourceManager &SM;
  FunctionGraph G;
  std::unique_ptr<CFG> Cfg;
  llvm::DenseMap<const Stmt *, const CXXTryStmt *> TryAround;
  llvm::DenseMap<const CXXCatchStmt *, const CFGBlock *> HandlerBlocks;
  llvm::DenseMap<const CXXCatchStmt *, std::string> Handlers;
  llvm::DenseMap<const CallExpr *, const Suspension *> ByCall;
  /// Handlers whose own edges are still to be found.
  std::deque<const CXXCatchStmt *> Pending;
  std::set<std::tuple<std::string, std::string, int>> Seen;
  std::set<std::string> Ends;
};

void GraphBuilder::walkTries(const Stmt *S, const CXXTryStmt *Around) {
  if (!S || isa<LambdaExpr>(S))
    return;
  if (const auto *T = dyn_cast<CXXTryStmt>(S)) {
    TryAround[T] = Around;
    walkTries(T->getTryBlock(), T);
    for (unsigned I = 0; I < T->getNumHandlers(); ++I)
      walkTries(T->getHandler(I)->getHandlerBlock(), Around);
    return;
  }
  if (asAwait(S) || isa<CXXThrowExpr>(S))
    TryAround[S] = Around;
  for (const Stmt *Child : S->children())
    walkTries(Child, Around);
}

/// True if \p H takes a cosm::CancelledError.
static bool catchesCancellation(const CXXCatchStmt *H) {
  if (!H->getExceptionDecl())
    return true;
  const CXXRecordDecl *Caught =
      H->getCaughtType().getNonReferenceType()->getAsCXXRecordDecl();
  return Caught && Caught->getQualifiedNameAsString() == "cosm::CancelledError";
}

std::vector<std::string> GraphBuilder::throwTargets(const CXXTryStmt *Around,
                                                    bool Cancellation) {
  std::vector<std::string> Targets;
  for (const CXXTryStmt *T = Around; T; T = TryAround.lookup(T)) {
    for (unsigned I = 0; I < T->getNumHandlers(); ++I) {
      const CXXCatchStmt *H = T->getHandler(I);
      bool All = !H->getExceptionDecl();
      if (Cancellation && !catchesCancellation(H))
        continue;
      Targets.push_back(handlerNode(H));
      if (All || Cancellation)
        return Targets;
    }
  }
  std::string End = Cancellation ? "cancelled" : "raise";
  if (Ends.insert(End).second)
    G.Nodes.push_back({Cancellation ? GraphNode::Cancelled : GraphNode::Raise,
                       End,
                       Cancellation ? "cancelled\n(CancelledError leaves "
                                      "the frame)"
                                    : "raise\n(the exception leaves the "
                                      "frame)",
                       0});
  Targets.push_back(End);
  return Targets;
}

std::string GraphBuilder::handlerNode(const CXXCatchStmt *H) {
  auto Known = Handlers.find(H);
  if (Known != Handlers.end())
    return Known->second;
  std::string Id = "catch" + std::to_string(Handlers.size() + 1);
  Handlers[H] = Id;
  std::string Type = H->getExceptionDecl() ? Plan.typeText(H->getCaughtType())
                                           : std::string("...");
  G.Nodes.push_back(
      {GraphNode::Handler, Id,
       "catch (" + Type + ")\nline " +
           std::to_string(SM.getPresumedLineNumber(H->getCatchLoc())),
       0});
  Pending.push_back(H);
  return Id;
}

void GraphBuilder::addEdge(const std::string &From, const std::string &To,
                           GraphEdge::Kind Kind) {
  if (Seen.insert({From, To, Kind}).second)
    G.Edges.push_back({From, To, Kind});
}

static std::string stateId(unsigned State) {
  return "s" + std::to_string(State);
}

void GraphBuilder::walkFrom(const std::string &From, const CFGBlock *First,
                            unsigned FirstIndex) {
  llvm::DenseSet<const CFGBlock *> Visited;
  std::vector<std::pair<const CFGBlock *, unsigned>> Work{{First, FirstIndex}};
  while (!Work.empty()) {
    auto [B, Index] = Work.back();
    Work.pop_back();
    bool Stopped = false;
    for (unsigned I = Index; I < B->size() && !Stopped; ++I) {
      std::optional<CFGStmt> S = (*B)[I].getAs<CFGStmt>();
      if (!S)
        continue;
      if (const CallExpr *A = asAwait(S->getStmt())) {
        if (const Suspension *P = ByCall.lookup(A)) {
          addEdge(From, stateId(P->State),
                  P->Kind == AwaitKind::Coroutine ? GraphEdge::Inline
                                                  : GraphEdge::ViaLoop);
          Stopped = true;
        }
      } else if (isa<CXXThrowExpr>(S->getStmt())) {
        for (const std::string &To :
             throwTargets(TryAround.lookup(S->getStmt()), false))
          addEdge(From, To, GraphEdge::Throws);
        Stopped = true;
      }
    }
    if (Stopped)
      continue;
    for (const CFGBlock::AdjacentBlock &Next : B->succs()) {
      const CFGBlock *Succ = Next.getReachableBlock();
      if (!Succ || isa_and_nonnull<CXXCatchStmt>(Succ->getLabel()))
        continue;
      if (Succ == &Cfg->getExit()) {
        if (Ends.insert("return").second)
          G.Nodes.push_back(
              {GraphNode::Return, "return", "return\n(the frame is done)", 0});
        addEdge(From, "return", GraphEdge::Returns);
        continue;
      }
      if (Visited.insert(Succ).second)
        Work.push_back({Succ, 0});
    }
  }
}

void GraphBuilder::exceptionEdges(const Suspension &P,
                                  const std::string &From) {
  const CXXTryStmt *Around = TryAround.lookup(P.Await);
  for (const std::string &To : throwTargets(Around, false))
    addEdge(From, To, GraphEdge::Throws);
  if (P.Kind != AwaitKind::Coroutine)
    for (const std::string &To : throwTargets(Around, true))
      addEdge(From, To, GraphEdge::Cancels);
}

void GraphBuilder::sourceOrder() {
  std::string From = "start";
  for (const Suspension &P : Points) {
    addEdge(From, stateId(P.State),
            P.Kind == AwaitKind::Coroutine ? GraphEdge::Inline
                                           : GraphEdge::ViaLoop);
    From = stateId(P.State);
  }
  G.Nodes.push_back(
      {GraphNode::Return, "return", "return\n(the frame is done)", 0});
  addEdge(From, "return", GraphEdge::Returns);
}

FunctionGraph GraphBuilder::run() {
  const FunctionDecl *F = Plan.function();
  G.Name = Plan.DisplayName;
  G.FrameName = Plan.FrameName;
  G.Line = SM.getPresumedLineNumber(F->getLocation());
  G.Nodes.push_back({GraphNode::Start, "start",
                     "state 0: start\n(the first step of " + G.Name + "())",
                     0});
  for (const Suspension &P : Points) {
    ByCall[P.Await] = &P;
    unsigned Line = SM.getPresumedLineNumber(P.Await->getBeginLoc());
    G.Nodes.push_back({GraphNode::Suspended, stateId(P.State),
                       "state " + std::to_string(P.State) + " · line " +
                           std::to_string(Line) + "\nawait " +
                           shortText(P.Await->getArg(0), Context, 40) + "\n(" +
                           kindName(P.Kind) + ")",
                       P.State});
    AwaitSite Site{P.State, P.Kind, Line, 0, 0};
    CharSourceRange Callee = Lexer::makeFileCharRange(
        CharSourceRange::getTokenRange(P.Await->getCallee()->getSourceRange()),
        SM, Context.getLangOpts());
    if (Callee.isValid()) {
      auto [BeginFile, Begin] = SM.getDecomposedLoc(Callee.getBegin());
      auto [EndFile, End] = SM.getDecomposedLoc(Callee.getEnd());
      if (BeginFile == SM.getMainFileID() && EndFile == BeginFile) {
        Site.Begin = Begin;
        Site.End = End;
      }
    }
    G.Sites.push_back(Site);
  }
  walkTries(F->getBody(), nullptr);

  CFG::BuildOptions Options;
  Options.setAllAlwaysAdd();
  Cfg = CFG::buildCFG(F, F->getBody(), &Context, Options);
  if (!Cfg) {
    G.Exact = false;
    sourceOrder();
  } else {
    for (const CFGBlock *B : *Cfg)
      if (const auto *H = dyn_cast_or_null<CXXCatchStmt>(B->getLabel()))
        HandlerBlocks[H] = B;
    walkFrom("start", &Cfg->getEntry(), 0);
    // After a resumption, control goes on right after the await.
    for (const CFGBlock *B : *Cfg)
      for (unsigned I = 0; I < B->size(); ++I)
        if (std::optional<CFGStmt> S = (*B)[I].getAs<CFGStmt>())
          if (const CallExpr *A = asAwait(S->getStmt()))
            if (const Suspension *P = ByCall.lookup(A))
              walkFrom(stateId(P->State), B, I + 1);
  }
  for (const Suspension &P : Points)
    exceptionEdges(P, stateId(P.State));
  while (!Pending.empty()) {
    const CXXCatchStmt *H = Pending.front();
    Pending.pop_front();
    if (const CFGBlock *B = HandlerBlocks.lookup(H))
      walkFrom(Handlers[H], B, 0);
  }
  return std::move(G);
}

/// \p S as a DOT string literal.
std::string quoted(llvm::StringRef S) {
  std::string Out = "\"";
  for (char C : S) {
    if (C == '\n') {
      Out += "\\n";
      continue;
    }
    if (C == '"' || C == '\\')
      Out += '\\';
    Out += C;
  }
  return Out + "\"";
}

const char *nodeStyle(const GraphNode &N, const FunctionGraph &G) {
  switch (N.What) {
  case GraphNode::Start:
    return "shape=box, style=\"rounded,filled\", fillcolor=\"#e8f0fe\"";
  case GraphNode::Suspended:
    for (const AwaitSite &Site : G.Sites)
      if (Site.State == N.State && Site.Kind != AwaitKind::Coroutine)
        return "shape=box, style=\"rounded,filled\", fillcolor=\"#fef7e0\"";
    return "shape=box, style=\"rounded,filled\", fillcolor=\"#e6f4ea\"";
  case GraphNode::Handler:
    return "shape=box, style=\"dashed\"";
  case GraphNode::Return:
    return "shape=box, style=\"rounded,bold\"";
  case GraphNode::Raise:
    return "shape=box, style=\"rounded,bold\", color=\"#c5221f\"";
  case GraphNode::Cancelled:
    return "shape=box, style=\"rounded,bold\", color=\"#9334e6\"";
  }
  llvm_unreachable("unknown node kind");
}

const char *edgeStyle(GraphEdge::Kind Kind) {
  switch (Kind) {
  case GraphEdge::Inline:
    return "label=\"inline\", color=\"#188038\"";
  case GraphEdge::ViaLoop:
    return "label=\"via loop\", color=\"#b06000\", penwidth=2";
  case GraphEdge::Returns:
    return "label=\"return\", color=\"#5f6368\"";
  case GraphEdge::Throws:
    return "label=\"throws\", style=dashed, color=\"#c5221f\"";
  case GraphEdge::Cancels:
    return "label=\"cancelled\", style=dotted, color=\"#9334e6\"";
  }
  llvm_unreachable("unknown edge kind");
}

} // namespace

FunctionGraph buildStateGraph(const FrameModel &Model, ASTContext &Context) {
  return GraphBuilder(*Model.Plan, Model.Suspensions, Context).run();
}

std::string renderDot(llvm::ArrayRef<FunctionGraph> Graphs,
                      llvm::StringRef File, bool NodeLinks) {
  std::string Name = llvm::sys::path::filename(File).str();
  std::string Out = "// cosm-lower --emit=dot: the state machine of each "
                    "async function of " +
                    Name + ", one cluster per function.\n";
  Out += "digraph " + quoted("cosm " + Name) + " {\n";
  Out += "  graph [fontname=\"Helvetica\", fontsize=11, rankdir=TB, "
         "nodesep=0.4, label=" +
         quoted(Name + ": states of the async functions") + ", labelloc=t];\n";
  Out += "  node [fontname=\"Helvetica\", fontsize=10];\n";
  Out += "  edge [fontname=\"Helvetica\", fontsize=9];\n";
  for (size_t I = 0; I < Graphs.size(); ++I) {
    const FunctionGraph &G = Graphs[I];
    std::string Prefix = "f" + std::to_string(I) + "_";
    Out += "  subgraph " + quoted("cluster_f" + std::to_string(I)) + " {\n";
    Out += "    label=" +
           quoted(G.Name + "() · line " + std::to_string(G.Line) +
                  (G.Exact ? "" : " (order of the source: no CFG)")) +
           ";\n";
    Out += "    style=rounded; color=\"#9aa0a6\";\n";
    for (const GraphNode &N : G.Nodes) {
      Out += "    " + quoted(Prefix + N.Id) + " [label=" + quoted(N.Label) +
             ", " + nodeStyle(N, G);
      if (NodeLinks &&
          (N.What == GraphNode::Start || N.What == GraphNode::Suspended)) {
        std::string Anchor = std::to_string(I) + "-" + std::to_string(N.State);
        // The tooltip on one line: SVG titles do not read DOT's `\n`.
        std::string Tip = N.Label;
        std::replace(Tip.begin(), Tip.end(), '\n', ' ');
        Out += ", id=" + quoted("graph-" + Anchor) +
               ", URL=" + quoted("#gen-" + Anchor) + ", tooltip=" + quoted(Tip);
      }
      Out += "];\n";
    }
    for (const GraphEdge &E : G.Edges)
      Out += "    " + quoted(Prefix + E.From) + " -> " + quoted(Prefix + E.To) +
             " [" + edgeStyle(E.What) + "];\n";
    Out += "  }\n";
  }
  return Out + "}\n";
}

} // namespace cosm
