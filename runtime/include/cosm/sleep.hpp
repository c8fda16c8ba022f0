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

#include <utility>

namespace cosm {

/// Suspends the calling task for Seconds (a bare yield when <= 0).
Coro<void> sleep(double Seconds);

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
