//===- cosm/loop_bound.hpp - Objects bound to one loop ---------*- C++ -*-===//
///
/// \file
/// asyncio's _LoopBoundMixin: a synchronisation object binds to the loop
/// running when it first has to wait, and refuses any other loop after.
///
//===----------------------------------------------------------------------===//
#ifndef COSM_LOOP_BOUND_HPP
#define COSM_LOOP_BOUND_HPP

#include "cosm/ref.hpp"

#include <cstdint>
#include <deque>

namespace cosm {

class Loop;

namespace detail {

class LoopBound {
public:
  /// The running loop, which becomes this object's loop if it has none.
  /// RuntimeError if no loop runs or another loop owns the object.
  Loop &boundLoop(const char *What);

private:
  Loop *Bound = nullptr;
  /// Bound's generation(): a later loop may live at a dead one's address.
  std::uint32_t Generation = 0;
};

/// Removes the first occurrence of Item (asyncio's deque.remove, minus the
/// ValueError); false if absent.
template <class T>
bool removeFirst(std::deque<Ref<T>> &Waiters, const T *Item) noexcept {
  for (auto It = Waiters.begin(); It != Waiters.end(); ++It)
    if (It->get() == Item) {
      Waiters.erase(It);
      return true;
    }
  return false;
}

} // namespace detail
} // namespace cosm

#endif // COSM_LOOP_BOUND_HPP
