//===- bench/common/timers.hpp - Workload 5's bookkeeping ------*- C++ -*-===//
///
/// \file
/// What every C++ timer peer shares: the deadlines (the LCG of bench.hpp:
/// 0-50 ms, the same in every language), which timers are cancelled (the odd
/// ones), and the record of each firing (lateness against the deadline).
///
//===----------------------------------------------------------------------===//
#ifndef BENCH_COMMON_TIMERS_HPP
#define BENCH_COMMON_TIMERS_HPP

#include "bench.hpp"

#include <algorithm>
#include <vector>

namespace bench {

struct TimerBook {
  explicit TimerBook(long N) : DelayUs(N), DeadlineNs(N) {
    Lcg R{42};
    for (long I = 0; I < N; ++I)
      DelayUs[I] = long(R.next() % 50000);
    Expected = N - N / 2;
    LateUs.reserve(Expected);
  }
  static bool cancelled(long I) { return I % 2 == 1; }
  /// The loop starts firing now: a deadline that passed while the timers
  /// were being inserted counts from here, so that lateness measures the
  /// loop, not the length of the insert phase.
  void startFiring() { FiringNs = nowNs(); }
  /// Timer I fired: records its lateness and adds it to the checksum.
  void fired(long I) {
    std::uint64_t Due = std::max(DeadlineNs[I], FiringNs);
    LateUs.push_back(double(nowNs() - Due) / 1000.0);
    Sum += std::uint64_t(I);
  }
  bool allFired() const { return long(LateUs.size()) == Expected; }
  void reportLateness() {
    std::sort(LateUs.begin(), LateUs.end());
    double Total = 0;
    for (double L : LateUs)
      Total += L;
    metric("late_mean", Total / double(LateUs.size()), "us");
    metric("late_p99", LateUs[LateUs.size() * 99 / 100], "us");
  }

  std::vector<long> DelayUs;
  std::vector<std::uint64_t> DeadlineNs;
  std::vector<double> LateUs;
  long Expected;
  std::uint64_t FiringNs = 0;
  std::uint64_t Sum = 0;
};

} // namespace bench

#endif // BENCH_COMMON_TIMERS_HPP
