//===- cosm/event.hpp - cosm::Event ----------------------------*- C++ -*-===//
///
/// \file
/// asyncio.Event: wait() on a set event returns at once (rule 12); set()
/// wakes every waiter, in the order they started waiting.
///
//===----------------------------------------------------------------------===//
#ifndef COSM_EVENT_HPP
#define COSM_EVENT_HPP

#include "cosm/frame.hpp"
#include "cosm/future.hpp"
#include "cosm/loop_bound.hpp"
#include "cosm/waiters.hpp"

namespace cosm {
namespace detail {
struct EventState : RefCounted, LoopBound {
  WaiterQueue<bool> Waiters;
  bool Value = false;
};
} // namespace detail

/// A shared handle to an event (copies refer to the same event).
class Event {
public:
  Event();

  bool is_set() const noexcept { return S->Value; }
  /// Sets the flag and wakes every waiter (through their futures: they
  /// resume in the next pass).
  void set() const;
  void clear() const noexcept { S->Value = false; }
  /// Returns true once the flag is set; costs no pass if it already is.
  Coro<bool> wait() const;

private:
  detail::Ref<detail::EventState> S;
};

} // namespace cosm

#endif // COSM_EVENT_HPP
