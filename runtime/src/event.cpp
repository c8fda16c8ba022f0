//===- event.cpp - cosm::Event --------------------------------------------===//
///
/// \file
/// Event.wait as a hand-written frame (docs/frame-protocol.md).
///
//===----------------------------------------------------------------------===//
#include "cosm/event.hpp"

#include "cosm/task.hpp"

namespace cosm {
namespace {

// async def wait(self):
//     if self._value: return True
//     fut = self._get_loop().create_future(); self._waiters.append(fut)
//     try: await fut; return True
//     finally: self._waiters.remove(fut)
class EventWaitFrame final : public Frame<bool> {
public:
  explicit EventWaitFrame(detail::Ref<detail::EventState> E)
      : E(std::move(E)) {}
  ~EventWaitFrame() override { unwind(); }

  Step resume() override {
    switch (state) {
    case 1:
      goto resume_1;
    default:
      break;
    }
    if (E->Value) {
      return_value(true);
      return finish();
    }
    state = 1;
    return Fut.start(E->Waiters, E->boundLoop("Event"), "Event.wait");
  resume_1:
    try {
      resume_point();
      Fut->result();
    } catch (...) {
      unwind();
      throw;
    }
    unwind();
    return_value(true);
    return finish();
  }

  /// The `finally`: also runs if the frame is destroyed while waiting.
  void unwind() noexcept override { Fut.leave(); }

  const char *function_name() const noexcept override { return "Event.wait"; }

private:
  detail::Ref<detail::EventState> E;
  detail::WaiterSlot<bool> Fut;
};

} // namespace

Event::Event() : S(new detail::EventState) {}

void Event::set() const {
  if (S->Value)
    return;
  S->Value = true;
  S->Waiters.wakeAll(true);
}

Coro<bool> Event::wait() const {
  return Coro<bool>::make_awaited<EventWaitFrame>(S);
}

} // namespace cosm
