//===- lower/FrameModel.h - A lowered function, before printing -*- C++ -*-===//
///
/// \file
/// The third stage's result: what the frame of one async function holds and
/// what its resume() does, decided but not printed. The emitter prints it as
/// C++, `--emit=model` as text, the state graph and the HTML report read it.
///
/// resume()'s body is a list of operations in source order. The user's own
/// statements (their references already rewritten to frame members) travel
/// as code; everything the lowering adds that carries a decision is an
/// operation of its own kind: marking an object alive, destroying one, a
/// suspension, a region's dispatch switch, a local type's place. Frame
/// members, states, regions, exits and the unwind order are plain data.
///
//===----------------------------------------------------------------------===//
#ifndef COSM_LOWER_FRAMEMODEL_H
#define COSM_LOWER_FRAMEMODEL_H

#include "analyse/FunctionPlan.h"
#include "find/AsyncFinder.h"
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace cosm {

/// A line and column of the user's main file (0 when there is none).
struct SourcePos {
  unsigned Line = 0, Column = 0;
};

/// Why the lowering added a member to the frame.
enum class MemberRole {
  Child,     ///< the coroutine object an inline await runs
  ChildSlot, ///< room for the frames of same-file coroutines, built in place
  Awaited,   ///< a task or future computed by an await's operand
  Temporary, ///< a temporary C++ keeps to the end of its full-expression
  Saved,     ///< an operand evaluated before a later suspension
  Condition, ///< a condition's value, once its temporaries are gone
  Selector,  ///< a switch's value, once its temporaries are gone
  Chosen,    ///< the side of a `?:` that an await made a branch
  Range,     ///< a range-for's range or iterator
  Caught,    ///< the exception of a handler that suspends
};

/// A member the lowering adds (parameters and locals are the plan's).
struct FrameMember {
  MemberRole Role = MemberRole::Temporary;
  std::string Type; ///< as code; for a pointer, with its `*`
  std::string Name;
  bool InUnion = false; ///< constructed in place, destroyed explicitly
  int LiveBit = -1;     ///< its bit in `live`, if it has a destructor
  SourcePos Where;      ///< the expression or statement it serves
};

/// A suspension point: an await and the state the frame waits in there
/// (resumed at the label `resume_<State>`).
struct Suspension {
  unsigned State = 0;
  const clang::CallExpr *Await = nullptr;
  AwaitKind Kind = AwaitKind::Coroutine;
  /// A coroutine of this file whose frame is built inside this one.
  bool Embedded = false;
  /// A coroutine of this file whose frame could be built inside this one
  /// but is allocated: this frame would pass --max-frame-bytes.
  bool TooLarge = false;
  /// The operand as written (shortened), for comments and reports.
  std::string Operand;
  /// The member that holds the child coroutine, or the handle awaited.
  std::string Target;
  /// The try block or `if constexpr` branch it is in, 0 for none.
  unsigned Region = 0;
  SourcePos Where;
};

/// A region resume points are in that the top-level switch cannot jump
/// into: a try block or a branch of a dependent `if constexpr`. Control
/// enters through the label Entry, placed before it, and a switch inside.
struct Region {
  enum Kind { TryBlock, ConstexprBranch };
  Kind What = TryBlock;
  unsigned Id = 0;
  std::string Entry;
  /// state -> the label to jump to (a resume point, or an inner entry).
  std::vector<std::pair<unsigned, std::string>> Cases;
  unsigned Line = 0; ///< the statement's, for line directives
};

/// A way out of a scope, and the frame objects it destroys, in order.
struct Exit {
  enum Kind { Return, Break, Continue, Goto, ScopeEnd, Handler, Unwind };
  Kind What = Return;
  SourcePos Where;
  std::vector<std::string> Destroys;
};

/// One operation of resume()'s body.
struct Op {
  enum Kind {
    Code,          ///< code, mapped (at line starts) to Line
    Glue,          ///< generated code all about one construct: every line
    User,          ///< the user's code, mapped to its own Line
    SetLive,       ///< Bit's object is now alive
    Destroy,       ///< destroy Name and clear Bit
    DestroyIfLive, ///< the same, where it may not have been constructed
    AwaitComment,  ///< what the await of state Id does, in words
    Suspend,       ///< state Id's suspension and its resume label
    Dispatch,      ///< region Id's switch
    BranchEntries, ///< the entry labels of regions Id and Id + 1, if used
    LocalType,     ///< the local type Id, unless it moved into the frame
  };
  Kind What = Code;
  std::string Text; ///< Code, Glue, User; the member for Destroy*
  int Bit = -1;
  unsigned Id = 0;
  unsigned Line = 0;
  /// A comment that ends the operation's last line.
  std::string Trailing;
};

/// A type the function declares.
struct LocalType {
  std::string Name;
  std::string Code;
};

/// The lowered function: the plan's members and what lowering added.
struct FrameModel {
  const FunctionPlan *Plan = nullptr;
  std::vector<FrameMember> Members;
  std::vector<Suspension> Suspensions;
  /// The slot's name and the frames it must fit, when awaits embed frames.
  std::string ChildSlot;
  std::vector<std::string> SlotFrames;
  /// The cosm::SleepAwaiter all the awaits of cosm::sleep share.
  std::string Sleeper;
  /// Members reset first when the frame unwinds (children running).
  std::vector<std::string> Children;
  /// Live bits in all, and (bit, member) newest first: how unwind() ends
  /// a frame destroyed while suspended, or cancelled.
  int LiveBits = 0;
  std::vector<std::pair<int, std::string>> UnwindOrder;
  /// The live bits of arrays (local `T items[2]`), destroyed element by
  /// element: C++17's std::destroy_at takes no array.
  std::set<int> ArrayBits;
  std::vector<Region> Regions;
  /// The top-level switch: state -> label.
  std::vector<std::pair<unsigned, std::string>> TopCases;
  std::vector<Exit> Exits;
  std::vector<LocalType> LocalTypes;
  /// The storage slot of each of the plan's locals: locals of one slot
  /// share a union (their scopes are never alive at once).
  std::vector<unsigned> LocalSlots;
  /// A frame member names a local type: all of them nest in the frame.
  bool NestedTypes = false;
  /// Lambdas evaluated before a suspension in their expression, lifted into
  /// named function objects (their definitions) so that the frame keeps
  /// them.
  std::vector<std::string> Closures;
  std::vector<Op> Body;
  /// The body does not end in a return: resume() adds `return finish();`.
  bool FallsOff = false;
  unsigned FunctionLine = 0;
  /// The static table of each state's line (FrameBase::await_point), and
  /// the user's file as a string literal, for it.
  std::string LinesName;
  std::string FileLiteral;

  const Region *region(unsigned Id) const {
    for (const Region &R : Regions)
      if (R.Id == Id)
        return &R;
    return nullptr;
  }
  const Suspension *suspension(unsigned State) const {
    return State && State <= Suspensions.size() ? &Suspensions[State - 1]
                                                : nullptr;
  }
};

} // namespace cosm

#endif // COSM_LOWER_FRAMEMODEL_H
