// Workload 1, raw C++20 coroutines: N tasks x M yields through the FIFO.
#include "bench.hpp"
#include "fifo.hpp"

#include <cstdint>
#include <vector>

static fifo::Task<std::uint64_t> spinner(std::uint64_t Id, long Yields) {
  std::uint64_t Acc = 0;
  for (long I = 0; I < Yields; ++I) {
    co_await fifo::yield();
    Acc += Id + std::uint64_t(I);
  }
  co_return Acc;
}

static fifo::Task<std::uint64_t> runAll(long Tasks, long Yields) {
  std::vector<fifo::Join<std::uint64_t>> All;
  All.reserve(Tasks);
  for (long T = 0; T < Tasks; ++T)
    All.push_back(fifo::spawn(spinner(std::uint64_t(T), Yields)));
  bench::Phase Steps;
  std::uint64_t Sum = 0;
  for (auto &T : All)
    Sum += co_await T;
  Steps.stop("step", double(Tasks) * double(Yields));
  co_return Sum;
}

int main(int Argc, char **Argv) {
  bench::Args A = bench::parseArgs(Argc, Argv);
  if (A.Variant != "pingpong" && A.Variant != "rr")
    bench::badVariant(A);
  bench::checksum(fifo::run(runAll(A.N, A.M)));
}
