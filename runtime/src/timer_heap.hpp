//===- timer_heap.hpp - The loop's timer heap -------------------*- C++ -*-===//
///
/// \file
/// A binary min-heap of timer handles in a vector, ordered by deadline
/// alone, as asyncio's heap of TimerHandles (TimerHandle.__lt__ compares
/// `_when`). The sift steps are CPython's heapq (_heapqmodule.c) line for
/// line rather than std::push_heap, for two reasons:
/// - equal deadlines: heapq does not keep them in scheduling order (six
///   call_at()s with one deadline fire 0 2 5 1 4 3), but its moves are
///   deterministic, so the same pushes and pops give CPython's order;
/// - a NaN deadline compares false both ways, which is no strict weak order
///   (std's heap functions would be undefined), and heapq's exact moves
///   decide where asyncio leaves such a timer, hence when it fires.
///
//===----------------------------------------------------------------------===//
#ifndef COSM_SRC_TIMER_HEAP_HPP
#define COSM_SRC_TIMER_HEAP_HPP

#include "cosm/handle.hpp"

#include <cstddef>
#include <vector>

namespace cosm::detail::timer_heap {

/// TimerHandle.__lt__. False both ways with NaN, and with equal deadlines.
inline bool firesBefore(const TimerEntry &A, const TimerEntry &B) noexcept {
  return A.When < B.When;
}

/// heapq's _siftdown: moves Heap[Pos] up towards StartPos.
inline void siftDown(std::vector<TimerEntry> &Heap, std::size_t StartPos,
                     std::size_t Pos) noexcept {
  TimerEntry New = Heap[Pos];
  while (Pos > StartPos) {
    std::size_t ParentPos = (Pos - 1) >> 1;
    TimerEntry Parent = Heap[ParentPos];
    if (!firesBefore(New, Parent))
      break;
    Heap[Pos] = Parent;
    Pos = ParentPos;
  }
  Heap[Pos] = New;
}

/// heapq's _siftup: moves the smaller child up until a leaf, then sifts the
/// item that was at Pos back up from there.
inline void siftUp(std::vector<TimerEntry> &Heap, std::size_t Pos) noexcept {
  std::size_t EndPos = Heap.size();
  std::size_t StartPos = Pos;
  TimerEntry New = Heap[Pos];
  std::size_t ChildPos = 2 * Pos + 1;
  while (ChildPos < EndPos) {
    std::size_t RightPos = ChildPos + 1;
    if (RightPos < EndPos && !firesBefore(Heap[ChildPos], Heap[RightPos]))
      ChildPos = RightPos;
    Heap[Pos] = Heap[ChildPos];
    Pos = ChildPos;
    ChildPos = 2 * Pos + 1;
  }
  Heap[Pos] = New;
  siftDown(Heap, StartPos, Pos);
}

/// heapq.heappush.
inline void push(std::vector<TimerEntry> &Heap, HandleImpl *H) {
  Heap.push_back({H->When, H});
  siftDown(Heap, 0, Heap.size() - 1);
}

/// heapq.heappop; Heap must not be empty.
inline HandleImpl *pop(std::vector<TimerEntry> &Heap) noexcept {
  TimerEntry Last = Heap.back();
  Heap.pop_back();
  if (Heap.empty())
    return Last.H;
  HandleImpl *Top = Heap.front().H;
  Heap.front() = Last;
  siftUp(Heap, 0);
  return Top;
}

/// heapq.heapify.
inline void heapify(std::vector<TimerEntry> &Heap) noexcept {
  for (std::size_t I = Heap.size() / 2; I-- > 0;)
    siftUp(Heap, I);
}

} // namespace cosm::detail::timer_heap

#endif // COSM_SRC_TIMER_HEAP_HPP
