//===- report/ModelDump.cpp - A frame model as readable text --------------===//

#include "report/ModelDump.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FormatVariadic.h"

namespace cosm {
namespace {

const char *roleName(MemberRole Role) {
  switch (Role) {
  case MemberRole::Child:
    return "child";
  case MemberRole::ChildSlot:
    return "child-slot";
  case MemberRole::Awaited:
    return "awaited";
  case MemberRole::Temporary:
    return "temporary";
  case MemberRole::Saved:
    return "saved";
  case MemberRole::Condition:
    return "condition";
  case MemberRole::Selector:
    return "selector";
  case MemberRole::Chosen:
    return "chosen";
  case MemberRole::Range:
    return "range";
  case MemberRole::Caught:
    return "caught";
  }
  return "member";
}

const char *storageName(Storage Store) {
  switch (Store) {
  case Storage::Plain:
    return "plain";
  case Storage::Object:
    return "object";
  case Storage::Pointer:
    return "pointer";
  case Storage::Ref:
    return "reference";
  }
  return "";
}

const char *exitName(Exit::Kind What) {
  switch (What) {
  case Exit::Return:
    return "return";
  case Exit::Break:
    return "break";
  case Exit::Continue:
    return "continue";
  case Exit::Goto:
    return "goto";
  case Exit::ScopeEnd:
    return "scope-end";
  case Exit::Handler:
    return "handler";
  case Exit::Unwind:
    return "unwind";
  }
  return "";
}

std::string at(SourcePos Where) {
  if (!Where.Line)
    return "";
  if (!Where.Column)
    return llvm::formatv(" <line:{0}>", Where.Line).str();
  return llvm::formatv(" <line:{0}:{1}>", Where.Line, Where.Column).str();
}

std::string live(int Bit) {
  return Bit >= 0 ? " live-bit " + std::to_string(Bit) : "";
}

/// A tree: each entry a line, `|-` before all but the last, which has `` `- ``.
class Tree {
public:
  void add(std::string Line) { Lines.push_back(std::move(Line)); }
  std::string str(const std::string &Root) const {
    std::string S = Root + "\n";
    for (size_t I = 0; I < Lines.size(); ++I)
      S += (I + 1 == Lines.size() ? "`-" : "|-") + Lines[I] + "\n";
    return S;
  }

private:
  std::vector<std::string> Lines;
};

std::string sourceLine(const clang::Decl *D) {
  const clang::SourceManager &SM = D->getASTContext().getSourceManager();
  clang::SourceLocation Loc = SM.getExpansionLoc(D->getLocation());
  if (!SM.isWrittenInMainFile(Loc))
    return "";
  return llvm::formatv(" <line:{0}:{1}>", SM.getPresumedLineNumber(Loc),
                       SM.getExpansionColumnNumber(Loc))
      .str();
}

/// The member's name, and the user's where the frame had to rename it.
std::string named(const FrameVar &V) {
  if (V.Decl->getName() == V.Name)
    return V.Name;
  return V.Name + " (written '" + V.Decl->getName().str() + "')";
}

void frameVars(const FrameModel &Model, Tree &T) {
  const FunctionPlan &Plan = *Model.Plan;
  if (Plan.SelfCopy)
    T.add("Self 'cosm::ThisCopy<" + Plan.SelfType + ">' " + Plan.SelfName);
  else if (!Plan.SelfType.empty())
    T.add("Self '" + Plan.SelfType + " *' " + Plan.SelfName);
  for (const FrameVar &P : Plan.Params)
    T.add("Param '" + P.Type + "' " + named(P) + " " + storageName(P.Store) +
          sourceLine(P.Decl));
  for (size_t I = 0; I < Plan.Locals.size(); ++I) {
    const FrameVar &L = Plan.Locals[I];
    // The earlier locals whose storage this one reuses.
    std::vector<std::string> Shares;
    for (size_t J = 0; J < I; ++J)
      if (Model.LocalSlots[J] == Model.LocalSlots[I])
        Shares.push_back(Plan.Locals[J].Name);
    T.add("Local '" + L.Type + "' " + named(L) + " " + storageName(L.Store) +
          live(L.LiveBit) + sourceLine(L.Decl) +
          (L.Guarded ? ": destroyed in order with the frame objects around it"
                     : ": a suspension follows it in its scope") +
          (Shares.empty() ? "" : "; storage of " + llvm::join(Shares, ", ")));
  }
  for (const FrameMember &M : Model.Members) {
    if (M.Role == MemberRole::ChildSlot) {
      T.add("ChildSlot " + M.Name + " fits " +
            llvm::join(Model.SlotFrames, ", ") + at(M.Where));
      continue;
    }
    T.add(std::string("Member ") + roleName(M.Role) + " '" + M.Type + "' " +
          M.Name + (M.InUnion ? " object" : " plain") + live(M.LiveBit) +
          at(M.Where));
  }
}

void states(const FrameModel &Model, Tree &T) {
  for (const Suspension &S : Model.Suspensions) {
    std::string Line = llvm::formatv("State {0}{1} await '{2}': ", S.State,
                                     at(S.Where), S.Operand)
                           .str();
    switch (S.Kind) {
    case AwaitKind::Coroutine:
      Line += "coroutine, inline, in " + S.Target;
      if (S.Embedded)
        Line += ", its frame built in " + Model.ChildSlot;
      else if (S.TooLarge)
        Line += ", its frame allocated (in the child slot this frame would "
                "pass --max-frame-bytes)";
      break;
    case AwaitKind::Task:
    case AwaitKind::Future:
      Line += std::string(S.Kind == AwaitKind::Task ? "task" : "future") + " " +
              S.Target + ", via the loop";
      break;
    case AwaitKind::Dependent:
      Line += "decided by the instantiation, in " + S.Target;
      break;
    case AwaitKind::Sleep:
      Line += "sleep, via the loop, in " + S.Target;
      break;
    }
    if (S.Region)
      Line += ", in region " + std::to_string(S.Region);
    T.add(Line);
  }
}

std::string cases(const std::vector<std::pair<unsigned, std::string>> &Cases) {
  std::string S;
  for (const auto &[State, Label] : Cases)
    S += (S.empty() ? "" : ", ") + std::to_string(State) + " -> " + Label;
  return S.empty() ? "(none)" : S;
}

void regions(const FrameModel &Model, Tree &T) {
  T.add("Dispatch " + cases(Model.TopCases));
  std::vector<const Region *> ById;
  for (const Region &R : Model.Regions)
    ById.push_back(&R);
  llvm::sort(ById,
             [](const Region *A, const Region *B) { return A->Id < B->Id; });
  for (const Region *R : ById)
    T.add(
        llvm::formatv("Region {0} {1} <line:{2}> entry {3}: {4}", R->Id,
                      R->What == Region::TryBlock ? "try" : "constexpr-branch",
                      R->Line, R->Entry, cases(R->Cases))
            .str());
}

void exits(const FrameModel &Model, Tree &T) {
  for (const Exit &E : Model.Exits) {
    std::string Line = std::string("Exit ") + exitName(E.What) + at(E.Where);
    Line += E.Destroys.empty() ? ": destroys nothing"
                               : ": destroys " + llvm::join(E.Destroys, ", ");
    T.add(Line);
  }
  for (const LocalType &Type : Model.LocalTypes)
    T.add(
        "LocalType " + Type.Name +
        (Model.NestedTypes ? ": nested in the frame" : ": stays in resume()"));
}

} // namespace

std::string dumpModel(const FrameModel &Model) {
  const FunctionPlan &Plan = *Model.Plan;
  Tree T;
  frameVars(Model, T);
  states(Model, T);
  regions(Model, T);
  exits(Model, T);
  std::string Root =
      llvm::formatv("Function {0} <line:{1}> frame {2}{3} "
                    "result '{4}', {5} live bits",
                    Plan.DisplayName, Model.FunctionLine, Plan.FrameQualifier,
                    Plan.FrameName, Plan.ResultType, Model.LiveBits)
          .str();
  if (!Plan.Suspends)
    Root += ", never suspends";
  return T.str(Root);
}

} // namespace cosm
