//===- cosm/sleep.hpp - cosm::sleep ----------------------------*- C++ -*-===//
///
/// \file
/// asyncio.sleep: sleep(0) (or less) is a bare yield that resumes in the next
/// pass; sleep(d > 0) is a timer that completes a future, so the task resumes
/// one pass after the timer's.
///
//===----------------------------------------------------------------------===//
#ifndef COSM_SLEEP_HPP
#define COSM_SLEEP_HPP

#include "cosm/frame.hpp"
#include "cosm/handle.hpp"
#include "cosm/task.hpp"

#include <utility>

namespace cosm {

/// Suspends the calling task for Seconds (a bare yield when <= 0).
Coro<void> sleep(double Seconds);

/// Generated code, at `cosm::await(cosm::sleep(d))`: the sleep runs in the
/// awaiting frame, with no frame of its own, so awaiting it allocates nothing
/// when d <= 0: asyncio's bare yield (`__sleep0`), the task steps again in
/// the next pass with nothing registered. For d > 0 a timer completes a
/// future the task waits on, as in asyncio.sleep. The generated code:
///
///   sleep.start(d);
///   resume_1:
///   if (sleep.pending()) { state = 1; return sleep.suspend(); }
///   sleep.take_result();
///
/// A frame awaits one thing at a time, so one SleepAwaiter serves all its
/// awaits of sleep().
class SleepAwaiter {
public:
  SleepAwaiter() noexcept = default;
  SleepAwaiter(const SleepAwaiter &) = delete;
  /// `sleep = {}` in a frame's unwind(): a sleep given up cancels its timer.
  SleepAwaiter &operator=(SleepAwaiter &&) noexcept {
    reset();
    return *this;
  }
  ~SleepAwaiter() { reset(); }

  void start(double Seconds) {
    if (Seconds <= 0) // also what a NaN is not: it arms a timer, as in asyncio
      At = Phase::Yield;
    else
      arm(Seconds);
  }
  bool pending() {
    switch (At) {
    case Phase::Yield:
      At = Phase::Yielded;
      return true;
    case Phase::Armed:
      At = Phase::Waiting;
      return true;
    case Phase::Yielded:
      At = Phase::Idle;
      resume_point(); // raises a cancellation that arrived meanwhile
      return false;
    case Phase::Waiting:
      finishWait();
      return false;
    case Phase::Idle:
      break;
    }
    return false;
  }
  /// A bare yield reports Suspended with nothing registered: the task
  /// queues its next step. A timed sleep waits on its future.
  Step suspend() {
    return At == Phase::Waiting ? detail::suspendOn(*Fut) : Step::Suspended;
  }
  void take_result() const noexcept {}

  /// For capture_call_graph(): a waiting sleep shows as the runtime's frame
  /// `sleep`, as asyncio shows its coroutine.
  bool active() const noexcept {
    return At == Phase::Yielded || At == Phase::Waiting;
  }
  const FrameBase *frame() const noexcept;

private:
  enum class Phase : unsigned char { Idle, Yield, Yielded, Armed, Waiting };
  void arm(double Seconds);
  void finishWait();
  void reset() noexcept;

  Phase At = Phase::Idle;
  detail::Ref<detail::FutureImpl<void>> Fut;
  TimerHandle Timer;
};

namespace detail {
/// `return await sleep(delay)` with a result: sleep's frame awaited inline,
/// so the passes are sleep's.
template <class T> class SleepResultFrame final : public Frame<T> {
public:
  SleepResultFrame(double Delay, T Result)
      : child_1(sleep(Delay)), Result(std::move(Result)) {}
  ~SleepResultFrame() override { unwind(); }

  Step resume() override {
    if (child_1.step() == Step::Suspended) {
      this->state = 1;
      return Step::Suspended;
    }
    child_1.take_result();
    this->return_value(std::move(Result));
    return this->finish();
  }
  void unwind() noexcept override { child_1 = {}; }
  const char *function_name() const noexcept override { return "sleep"; }

private:
  Coro<void> child_1;
  T Result;
};
} // namespace detail

/// asyncio.sleep(delay, result): sleeps as sleep(Seconds), then returns
/// Result.
template <class T> Coro<T> sleep(double Seconds, T Result) {
  return Coro<T>::template make<detail::SleepResultFrame<T>>(
      Seconds, std::move(Result));
}

} // namespace cosm

#endif // COSM_SLEEP_HPP
