// Workload 2, cosm: N trivial tasks spawned and awaited, one at a time
// (variant one) or all created first, then awaited in order (burst).
#include "bench.hpp"

#include <cosm/cosm.hpp>
#include <cstdint>
#include <vector>

COSM_ASYNC cosm::Coro<std::uint64_t> trivial(std::uint64_t I) {
  return I * 2 + 1;
}

COSM_ASYNC cosm::Coro<std::uint64_t> oneAtATime(long N) {
  bench::Phase Spawn;
  std::uint64_t Sum = 0;
  for (long I = 0; I < N; ++I)
    Sum += cosm::await(cosm::create_task(trivial(std::uint64_t(I))));
  Spawn.stop("task", double(N));
  return Sum;
}

COSM_ASYNC cosm::Coro<std::uint64_t> burst(long N) {
  bench::Phase Spawn;
  std::vector<cosm::Task<std::uint64_t>> All;
  All.reserve(N);
  for (long I = 0; I < N; ++I)
    All.push_back(cosm::create_task(trivial(std::uint64_t(I))));
  std::uint64_t Sum = 0;
  for (auto &T : All)
    Sum += cosm::await(T);
  Spawn.stop("task", double(N));
  return Sum;
}

int main(int Argc, char **Argv) {
  bench::Args A = bench::parseArgs(Argc, Argv);
  if (A.Variant == "one")
    bench::checksum(cosm::run(oneAtATime(A.N)));
  else if (A.Variant == "burst")
    bench::checksum(cosm::run(burst(A.N)));
  else
    bench::badVariant(A);
}
