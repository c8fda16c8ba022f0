//===- bench/common/bench.hpp - What every C++ peer shares -----*- C++ -*-===//
///
/// \file
/// Clocks, resident memory, the allocation counters of alloc_count.cpp, and
/// the output protocol bench/run parses: one `metric NAME VALUE UNIT` line per
/// measurement and one `checksum VALUE` line, which must be the same for every
/// peer (it keeps the compiler from deleting the work and proves each peer
/// did the same work). Programs take `VARIANT N [M]` on the command line.
/// C++17, so that the cosm programs can include it too.
///
//===----------------------------------------------------------------------===//
#ifndef BENCH_COMMON_BENCH_HPP
#define BENCH_COMMON_BENCH_HPP

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <string>
#include <unistd.h>

extern "C" std::uint64_t bench_alloc_count;
extern "C" std::uint64_t bench_alloc_bytes;

namespace bench {

inline std::uint64_t nowNs() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

/// CPU time of this process: what a phase cost, sleeping excluded.
inline std::uint64_t cpuNs() {
  timespec T;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &T);
  return std::uint64_t(T.tv_sec) * 1000000000u + std::uint64_t(T.tv_nsec);
}

/// Resident set size in bytes (/proc/self/statm).
inline long rssBytes() {
  long Pages = 0, Resident = 0;
  std::FILE *F = std::fopen("/proc/self/statm", "r");
  if (!F)
    return 0;
  if (std::fscanf(F, "%ld %ld", &Pages, &Resident) != 2)
    Resident = 0;
  std::fclose(F);
  return Resident * sysconf(_SC_PAGESIZE);
}

struct Allocs {
  std::uint64_t Count, Bytes;
};
inline Allocs allocs() { return {bench_alloc_count, bench_alloc_bytes}; }

inline void metric(const char *Name, double Value, const char *Unit) {
  std::printf("metric %s %.6g %s\n", Name, Value, Unit);
}

inline void checksum(std::uint64_t Value) {
  std::printf("checksum %llu\n", static_cast<unsigned long long>(Value));
}

/// Times a phase: CPU ns and allocations between construction and stop().
/// CPU time, not wall time: the machine is shared, and wall time would count
/// the other processes' time slices. Every peer is single-threaded.
class Phase {
public:
  Phase() : Start(cpuNs()), A0(allocs()) {}
  /// Reports NAME (ns per op) and NAME_allocs (allocations per op).
  void stop(const char *Name, double Ops) {
    std::uint64_t End = cpuNs();
    Allocs A1 = allocs();
    metric(Name, double(End - Start) / Ops, "ns");
    std::string AllocName = std::string(Name) + "_allocs";
    metric(AllocName.c_str(), double(A1.Count - A0.Count) / Ops, "allocs");
  }

private:
  std::uint64_t Start;
  Allocs A0;
};

struct Args {
  std::string Variant;
  long N = 0;
  long M = 0;
};

/// VARIANT N [M]; exits with a usage line on anything else.
inline Args parseArgs(int Argc, char **Argv) {
  if (Argc < 3) {
    std::fprintf(stderr, "usage: %s VARIANT N [M]\n", Argv[0]);
    std::exit(2);
  }
  Args A;
  A.Variant = Argv[1];
  A.N = std::atol(Argv[2]);
  A.M = Argc > 3 ? std::atol(Argv[3]) : 0;
  if (A.N <= 0 || (Argc > 3 && A.M <= 0)) {
    std::fprintf(stderr, "%s: N and M must be positive integers\n", Argv[0]);
    std::exit(2);
  }
  return A;
}

[[noreturn]] inline void badVariant(const Args &A) {
  std::fprintf(stderr, "unknown variant '%s'\n", A.Variant.c_str());
  std::exit(2);
}

/// 64-bit LCG shared with bench/python/common.py: the same random deadlines
/// in every language.
struct Lcg {
  std::uint64_t X;
  std::uint64_t next() {
    X = X * 6364136223846793005ull + 1442695040888963407ull;
    return X >> 33;
  }
};

} // namespace bench

#endif // BENCH_COMMON_BENCH_HPP
