// Workload 5, Boost.Asio: N steady_timers at random deadlines in 0-50 ms,
// the odd ones cancelled, the rest fired. ns per insert (expires_after +
// async_wait), cancel and fire (CPU time of run()), lateness.
#include "asio_common.hpp"
#include "bench.hpp"
#include "timers.hpp"

#include <chrono>
#include <cstdint>
#include <vector>

int main(int Argc, char **Argv) {
  bench::Args A = bench::parseArgs(Argc, Argv);
  if (A.Variant != "random")
    bench::badVariant(A);
  long N = A.N;
  bench::TimerBook Book(N);
  basio::io_context Ctx(1);
  std::vector<basio::steady_timer> Timers;
  Timers.reserve(N);
  bench::Phase Insert;
  for (long I = 0; I < N; ++I) {
    Book.DeadlineNs[I] = bench::nowNs() + std::uint64_t(Book.DelayUs[I]) * 1000;
    Timers.emplace_back(Ctx, std::chrono::microseconds(Book.DelayUs[I]));
    Timers.back().async_wait([&Book, I](const boost::system::error_code &Ec) {
      if (!Ec)
        Book.fired(I);
    });
  }
  Insert.stop("insert", double(N));
  bench::Phase Cancel;
  for (long I = 0; I < N; ++I)
    if (bench::TimerBook::cancelled(I))
      Timers[I].cancel();
  Cancel.stop("cancel", double(N / 2));
  Book.startFiring();
  std::uint64_t Cpu0 = bench::cpuNs();
  Ctx.run();
  bench::metric("fire", double(bench::cpuNs() - Cpu0) / double(Book.Expected),
                "ns");
  if (!Book.allFired())
    return 1;
  Book.reportLateness();
  bench::checksum(Book.Sum);
}
