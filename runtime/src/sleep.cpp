//===- sleep.cpp - cosm::sleep --------------------------------------------===//
///
/// \file
/// asyncio.sleep as a hand-written frame (docs/frame-protocol.md).
///
//===----------------------------------------------------------------------===//
#include "cosm/sleep.hpp"

#include "cosm/loop.hpp"

namespace cosm {
namespace {

class SleepFrame final : public Frame<void> {
public:
  explicit SleepFrame(double Delay) : Delay(Delay) {}
  ~SleepFrame() override { unwind(); }

  Step resume() override {
    switch (state) {
    case 1:
      goto resume_1;
    case 2:
      goto resume_2;
    default:
      break;
    }
    if (Delay <= 0) {
      // asyncio's __sleep0: a bare yield.
      state = 1;
      return Step::Suspended;
    resume_1:
      resume_point();
      return finish();
    }
    {
      Loop &L = get_running_loop();
      Fut = new detail::FutureImpl<void>(&L, {"sleep", 0});
      // futures._set_result_unless_cancelled
      Timer = L.call_later(Delay, [F = Fut] {
        if (!F->cancelled())
          F->setResult();
      });
    }
    state = 2;
    return detail::suspendOn(*Fut);
  resume_2:
    // `finally: h.cancel()`, then `return await future`.
    Timer.cancel();
    resume_point();
    Fut->result();
    return finish();
  }

  void unwind() noexcept override {
    if (state == 2)
      Timer.cancel();
  }

  const char *function_name() const noexcept override { return "sleep"; }

private:
  double Delay;
  detail::Ref<detail::FutureImpl<void>> Fut;
  TimerHandle Timer;
};

} // namespace

Coro<void> sleep(double Seconds) {
  return Coro<void>::make<SleepFrame>(Seconds);
}

} // namespace cosm
