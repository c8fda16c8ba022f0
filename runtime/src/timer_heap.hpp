//===- timer_heap.hpp - The loop's timer heap -------------------*- C++ -*-===//
///
/// \file
/// A binary min-heap of timer handles in a vector, ordered by deadline and
/// then by scheduling sequence number. asyncio's heap compares deadlines
/// only, so its order for equal deadlines is arbitrary; FIFO ties agree with
/// it whenever deadlines differ and make cosm deterministic otherwise.
///
/// The sift steps are CPython's heapq (_heapqmodule.c) line for line rather
/// than std::push_heap: a NaN deadline compares false both ways, which is no
/// strict weak order (std's heap functions would be undefined), and heapq's
/// exact moves decide where asyncio leaves such a timer, hence when it fires.
///
//===----------------------------------------------------------------------===//
#ifndef COSM_SRC_TIMER_HEAP_HPP
#define COSM_SRC_TIMER_HEAP_HPP

#include "cosm/handle.hpp"

#include <cstddef>
#include <vector>

namespace cosm::detail::timer_heap {

/// TimerHandle.__lt__, plus the FIFO tie-break. False both ways with NaN.
inline bool firesBefore(const HandleImpl *A, const HandleImpl *B) noexcept {
  if (A->When < B->When)
    return true;
  return A->When == B->When && A->Seq < B->Seq;
}

/// heapq's _siftdown: moves Heap[Pos] up towards StartPos.
inline void siftDown(std::vector<HandleImpl *> &Heap, std::size_t StartPos,
                     std::size_t Pos) noexcept {
  HandleImpl *New = Heap[Pos];
  while (Pos > StartPos) {
    std::size_t ParentPos = (Pos - 1) >> 1;
    HandleImpl *Parent = Heap[ParentPos];
    if (!firesBefore(New, Parent))
      break;
    Heap[Pos] = Parent;
    Pos = ParentPos;
  }
  Heap[Pos] = New;
}

/// heapq's _siftup: moves the smaller child up until a leaf, then sifts the
/// item that was at Pos back up from there.
inline void siftUp(std::vector<HandleImpl *> &Heap, std::size_t Pos) noexcept {
  std::size_t EndPos = Heap.size();
  std::size_t StartPos = Pos;
  HandleImpl *New = Heap[Pos];
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
inline void push(std::vector<HandleImpl *> &Heap, HandleImpl *H) {
  Heap.push_back(H);
  siftDown(Heap, 0, Heap.size() - 1);
}

/// heapq.heappop; Heap must not be empty.
inline HandleImpl *pop(std::vector<HandleImpl *> &Heap) noexcept {
  HandleImpl *Last = Heap.back();
  Heap.pop_back();
  if (Heap.empty())
    return Last;
  HandleImpl *Top = Heap.front();
  Heap.front() = Last;
  siftUp(Heap, 0);
  return Top;
}

/// heapq.heapify.
inline void heapify(std::vector<HandleImpl *> &Heap) noexcept {
  for (std::size_t I = Heap.size() / 2; I-- > 0;)
    siftUp(Heap, I);
}

} // namespace cosm::detail::timer_heap

#endif // COSM_SRC_TIMER_HEAP_HPP
