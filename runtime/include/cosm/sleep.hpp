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

namespace cosm {

/// Suspends the calling task for Seconds (a bare yield when <= 0).
Coro<void> sleep(double Seconds);

} // namespace cosm

#endif // COSM_SLEEP_HPP
