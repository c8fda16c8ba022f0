// Workload 4, cosm: N tasks parked on one Event, then all woken. Reports
// bytes per parked task (heap bytes allocated, RSS growth, and sizeof the
// generated frame) and ns per wake (from set() to the last task done).
#include "bench.hpp"

#include <cosm/cosm.hpp>
#include <cstdint>
#include <vector>

COSM_ASYNC cosm::Coro<std::uint64_t> parked(cosm::Event E, std::uint64_t Id) {
  cosm::await(E.wait());
  return Id;
}

COSM_ASYNC cosm::Coro<std::uint64_t> parkAll(long N) {
  cosm::Event E;
  std::vector<cosm::Task<std::uint64_t>> All;
  All.reserve(N);
  long Rss0 = bench::rssBytes();
  bench::Allocs A0 = bench::allocs();
  for (long I = 0; I < N; ++I)
    All.push_back(cosm::create_task(parked(E, std::uint64_t(I))));
  cosm::await(cosm::sleep(0)); // every task runs up to its wait()
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
    Sum += cosm::await(T);
  bench::metric("wake", double(bench::cpuNs() - Start) / double(N), "ns");
  return Sum;
}

int main(int Argc, char **Argv) {
  bench::Args A = bench::parseArgs(Argc, Argv);
  if (A.Variant != "event")
    bench::badVariant(A);
#ifndef COSM_LOWERING
  // The frame type exists once lowered: a compile-time constant.
  bench::metric("frame_bytes", double(sizeof(parked_frame)), "bytes");
#endif
  bench::checksum(cosm::run(parkAll(A.N)));
}
