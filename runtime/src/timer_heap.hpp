//===- timer_heap.hpp - The loop's timer heap -------------------*- C++ -*-===//
///
/// \file
/// A binary min-heap of timer handles in a vector, ordered by deadline and
/// then by scheduling sequence number. asyncio's heap compares deadlines
/// only, so its order for equal deadlines is arbitrary; FIFO ties agree with
/// it whenever deadlines differ and make cosm deterministic otherwise.
///
//===----------------------------------------------------------------------===//
#ifndef COSM_SRC_TIMER_HEAP_HPP
#define COSM_SRC_TIMER_HEAP_HPP

#include "cosm/handle.hpp"

#include <algorithm>
#include <vector>

namespace cosm::detail::timer_heap {

/// std::*_heap builds a max-heap: "less" here means "fires later".
inline bool firesLater(const HandleImpl *A, const HandleImpl *B) noexcept {
  if (A->When != B->When)
    return A->When > B->When;
  return A->Seq > B->Seq;
}

inline void push(std::vector<HandleImpl *> &Heap, HandleImpl *H) {
  Heap.push_back(H);
  std::push_heap(Heap.begin(), Heap.end(), firesLater);
}

inline HandleImpl *pop(std::vector<HandleImpl *> &Heap) noexcept {
  std::pop_heap(Heap.begin(), Heap.end(), firesLater);
  HandleImpl *Top = Heap.back();
  Heap.pop_back();
  return Top;
}

inline void heapify(std::vector<HandleImpl *> &Heap) noexcept {
  std::make_heap(Heap.begin(), Heap.end(), firesLater);
}

} // namespace cosm::detail::timer_heap

#endif // COSM_SRC_TIMER_HEAP_HPP
