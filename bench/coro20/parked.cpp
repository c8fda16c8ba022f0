// Workload 4, raw C++20 coroutines: N tasks parked on one Event, then all
// woken. Bytes per parked task (heap, RSS) and ns per wake.
#include "bench.hpp"
#include "fifo.hpp"

#include <cstdint>
#include <vector>

static fifo::Task<std::uint64_t> parked(fifo::Event &E, std::uint64_t Id) {
  co_await E.wait();
  co_return Id;
}

static fifo::Task<std::uint64_t> parkAll(long N) {
  fifo::Event E;
  std::vector<fifo::Join<std::uint64_t>> All;
  All.reserve(N);
  long Rss0 = bench::rssBytes();
  bench::Allocs A0 = bench::allocs();
  for (long I = 0; I < N; ++I)
    All.push_back(fifo::spawn(parked(E, std::uint64_t(I))));
  co_await fifo::yield(); // every task runs up to its wait()
  bench::Allocs A1 = bench::allocs();
  bench::metric("task_heap_bytes", double(A1.Bytes - A0.Bytes) / double(N),
                "bytes");
  bench::metric("task_allocs", double(A1.Count - A0.Count) / double(N),
                "allocs");
  bench::metric("task_rss_bytes", double(bench::rssBytes() - Rss0) / double(N),
                "bytes");
  std::uint64_t Start = bench::cpuNs();
  E.set();
  std::uint64_t Sum = 0;
  for (auto &T : All)
    Sum += co_await T;
  bench::metric("wake", double(bench::cpuNs() - Start) / double(N), "ns");
  co_return Sum;
}

int main(int Argc, char **Argv) {
  bench::Args A = bench::parseArgs(Argc, Argv);
  if (A.Variant != "event")
    bench::badVariant(A);
  bench::checksum(fifo::run(parkAll(A.N)));
}
