//===- sleep.cpp - cosm::sleep --------------------------------------------===//
///
/// \file
/// asyncio.sleep. SleepAwaiter does the work; generated frames hold one
/// (no frame of its own), and sleep() wraps one in a frame for every other
/// use of the coroutine (create_task, gather, a Coro kept for later).
///
//===----------------------------------------------------------------------===//
#include "cosm/sleep.hpp"

#include "cosm/loop.hpp"

namespace cosm {
namespace {

/// What capture_call_graph() shows for a task waiting in an awaited
/// sleep(): the runtime's frame, never resumed.
class SleepMarker final : public FrameBase {
public:
  Step resume() override { return Step::Done; }
  const char *function_name() const noexcept override { return "sleep"; }
};

const SleepMarker TheSleepMarker;

class SleepFrame final : public Frame<void> {
public:
  explicit SleepFrame(double Delay) : Delay(Delay) {}

  Step resume() override {
    if (state == 0)
      Sleep.start(Delay);
    if (Sleep.pending()) {
      state = 1;
      return Sleep.suspend();
    }
    return finish();
  }

  void unwind() noexcept override { Sleep = {}; }

  const char *function_name() const noexcept override { return "sleep"; }

private:
  double Delay;
  SleepAwaiter Sleep;
};

} // namespace

void SleepAwaiter::arm(double Seconds) {
  Loop &L = get_running_loop();
  Fut = new detail::FutureImpl<void>(&L, {"sleep", 0});
  // futures._set_result_unless_cancelled
  Timer = L.call_later(Seconds, [F = Fut] {
    if (!F->cancelled())
      F->setResult();
  });
  At = Phase::Armed;
}

void SleepAwaiter::finishWait() {
  // `finally: h.cancel()`, then `return await future`.
  At = Phase::Idle;
  Timer.cancel();
  Timer = TimerHandle();
  detail::Ref<detail::FutureImpl<void>> Done = std::move(Fut);
  resume_point();
  Done->result();
}

void SleepAwaiter::reset() noexcept {
  if (At == Phase::Armed || At == Phase::Waiting)
    Timer.cancel();
  At = Phase::Idle;
  Timer = TimerHandle();
  Fut.reset();
}

const FrameBase *SleepAwaiter::frame() const noexcept {
  return active() ? &TheSleepMarker : nullptr;
}

Coro<void> sleep(double Seconds) {
  return Coro<void>::make<SleepFrame>(Seconds);
}

} // namespace cosm
