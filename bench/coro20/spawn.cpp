// Workload 2, raw C++20 coroutines: N trivial tasks spawned on the FIFO and
// awaited, one at a time (one) or all created first (burst).
#include "bench.hpp"
#include "fifo.hpp"

#include <cstdint>
#include <vector>

static fifo::Task<std::uint64_t> trivial(std::uint64_t I) { co_return I * 2 + 1; }

static fifo::Task<std::uint64_t> oneAtATime(long N) {
  bench::Phase Spawn;
  std::uint64_t Sum = 0;
  for (long I = 0; I < N; ++I)
    Sum += co_await fifo::spawn(trivial(std::uint64_t(I)));
  Spawn.stop("task", double(N));
  co_return Sum;
}

static fifo::Task<std::uint64_t> burst(long N) {
  bench::Phase Spawn;
  std::vector<fifo::Join<std::uint64_t>> All;
  All.reserve(N);
  for (long I = 0; I < N; ++I)
    All.push_back(fifo::spawn(trivial(std::uint64_t(I))));
  std::uint64_t Sum = 0;
  for (auto &T : All)
    Sum += co_await T;
  Spawn.stop("task", double(N));
  co_return Sum;
}

int main(int Argc, char **Argv) {
  bench::Args A = bench::parseArgs(Argc, Argv);
  if (A.Variant == "one")
    bench::checksum(fifo::run(oneAtATime(A.N)));
  else if (A.Variant == "burst")
    bench::checksum(fifo::run(burst(A.N)));
  else
    bench::badVariant(A);
}
