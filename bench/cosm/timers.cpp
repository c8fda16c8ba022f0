// Workload 5, cosm: N timers (call_later) at random deadlines in 0-50 ms,
// the odd ones cancelled, the rest fired. ns per insert, cancel and fire
// (CPU time of the loop while it fires them), lateness.
#include "bench.hpp"
#include "timers.hpp"

#include <cosm/cosm.hpp>
#include <cstdint>
#include <vector>

static std::vector<cosm::TimerHandle> scheduleAll(bench::TimerBook &Book,
                                                  cosm::Event Done) {
  cosm::Loop &L = cosm::get_running_loop();
  long N = long(Book.DelayUs.size());
  std::vector<cosm::TimerHandle> Handles;
  Handles.reserve(N);
  bench::Phase Insert;
  for (long I = 0; I < N; ++I) {
    Book.DeadlineNs[I] = bench::nowNs() + std::uint64_t(Book.DelayUs[I]) * 1000;
    Handles.push_back(L.call_later(double(Book.DelayUs[I]) / 1e6,
                                   [&Book, Done, I] {
                                     Book.fired(I);
                                     if (Book.allFired())
                                       Done.set();
                                   }));
  }
  Insert.stop("insert", double(N));
  bench::Phase Cancel;
  for (long I = 0; I < N; ++I)
    if (bench::TimerBook::cancelled(I))
      Handles[I].cancel();
  Cancel.stop("cancel", double(N / 2));
  return Handles;
}

COSM_ASYNC cosm::Coro<std::uint64_t> timers(long N) {
  bench::TimerBook Book(N);
  cosm::Event Done;
  std::vector<cosm::TimerHandle> Handles = scheduleAll(Book, Done);
  Book.startFiring();
  std::uint64_t Cpu0 = bench::cpuNs();
  cosm::await(Done.wait());
  bench::metric("fire", double(bench::cpuNs() - Cpu0) / double(Book.Expected),
                "ns");
  Book.reportLateness();
  return Book.Sum;
}

int main(int Argc, char **Argv) {
  bench::Args A = bench::parseArgs(Argc, Argv);
  if (A.Variant != "random")
    bench::badVariant(A);
  bench::checksum(cosm::run(timers(A.N)));
}
