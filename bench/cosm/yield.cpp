// Workload 1, cosm: tasks that yield through the loop (sleep(0)).
// Variants: pingpong (N tasks... see bench/README.md), rr; N tasks x M yields.
#include "bench.hpp"

#include <cosm/cosm.hpp>
#include <cstdint>
#include <vector>

COSM_ASYNC cosm::Coro<std::uint64_t> spinner(std::uint64_t Id, long Yields) {
  std::uint64_t Acc = 0;
  for (long I = 0; I < Yields; ++I) {
    cosm::await(cosm::sleep(0));
    Acc += Id + std::uint64_t(I);
  }
  return Acc;
}

COSM_ASYNC cosm::Coro<void> runAll(long Tasks, long Yields) {
  std::vector<cosm::Task<std::uint64_t>> All;
  All.reserve(Tasks);
  for (long T = 0; T < Tasks; ++T)
    All.push_back(cosm::create_task(spinner(std::uint64_t(T), Yields)));
  bench::Phase Steps;
  std::uint64_t Sum = 0;
  for (auto &T : All)
    Sum += cosm::await(T);
  Steps.stop("step", double(Tasks) * double(Yields));
  bench::checksum(Sum);
}

int main(int Argc, char **Argv) {
  bench::Args A = bench::parseArgs(Argc, Argv);
  if (A.Variant != "pingpong" && A.Variant != "rr")
    bench::badVariant(A);
  cosm::run(runAll(A.N, A.M));
}
