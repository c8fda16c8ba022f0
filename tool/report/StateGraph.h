//===- report/StateGraph.h - An async function's state machine --*- C++ -*-===//
///
/// \file
/// What `--emit=dot` and `--emit=html` draw: for each async function, the
/// states its frame can wait in and how control moves between them. Built
/// while the AST is alive, from the frame model's suspension points and Clang's
/// CFG of the body; it keeps only plain data, so the drawing needs no AST.
///
/// Nodes: `start` (state 0: the first step; calling the function only
/// creates the frame), one per suspension point (state k, resumed at label
/// `resume_k`), the handlers an exception from a state can reach, and the
/// ends: `return`, `raise` (an exception leaves the frame) and `cancelled`
/// (CancelledError leaves it). Edges: from a state (or a handler) to each
/// suspension point it reaches next without suspending, labelled `inline`
/// (awaiting a coroutine: a direct call into the child) or `via loop`
/// (awaiting a task or future: a done-callback and a return to the loop),
/// and to `return`; from a state, `throws` to where an exception raised by
/// what it awaited goes, and for `via loop` states `cancelled` to where a
/// cancellation goes; `throws` also from a `throw` statement on the way.
///
//===----------------------------------------------------------------------===//
#ifndef COSM_REPORT_STATEGRAPH_H
#define COSM_REPORT_STATEGRAPH_H

#include "lower/FrameModel.h"
#include "llvm/ADT/ArrayRef.h"
#include <string>
#include <vector>

namespace cosm {

struct GraphNode {
  enum Kind { Start, Suspended, Handler, Return, Raise, Cancelled };
  Kind What = Start;
  std::string Id; ///< unique in its function
  std::string Label;
  unsigned State = 0; ///< for Start and State
};

struct GraphEdge {
  enum Kind { Inline, ViaLoop, Returns, Throws, Cancels };
  std::string From, To;
  Kind What = Inline;
};

/// A suspension point as the HTML report links it.
struct AwaitSite {
  unsigned State = 0;
  AwaitKind Kind = AwaitKind::Coroutine;
  unsigned Line = 0;
  /// Where `cosm::await` (the callee's name) is in the main file.
  unsigned Begin = 0, End = 0;
};

struct FunctionGraph {
  std::string Name;      ///< as in messages: `f`, `Class::f`
  std::string FrameName; ///< the frame struct in the lowered code
  unsigned Line = 0;
  std::vector<GraphNode> Nodes;
  std::vector<GraphEdge> Edges;
  std::vector<AwaitSite> Sites;
  /// False when Clang could not build the body's CFG (a template): the
  /// states are then chained in source order.
  bool Exact = true;
};

/// The graph of the lowered function \p Model.
FunctionGraph buildStateGraph(const FrameModel &Model,
                              clang::ASTContext &Context);

/// One digraph for the file, a cluster per function. Deterministic.
/// \p NodeLinks: each state links to `#gen-<function index>-<state>`.
std::string renderDot(llvm::ArrayRef<FunctionGraph> Graphs,
                      llvm::StringRef File, bool NodeLinks = false);

} // namespace cosm

#endif // COSM_REPORT_STATEGRAPH_H
