// Workload 4, Boost.Asio awaitables: N coroutines parked on one timer that
// never expires (Asio's event: cancel() wakes every waiter), then all woken.
// Bytes per parked coroutine (heap, RSS) and ns per wake.
#include "asio_common.hpp"
#include "bench.hpp"

#include <cstdint>

static basio::awaitable<std::uint64_t> parked(basio::steady_timer &E,
                                              std::uint64_t Id) {
  boost::system::error_code Ec;
  co_await E.async_wait(basio::redirect_error(basio::use_awaitable, Ec));
  co_return Id;
}

// The results go to a counter; the last coroutine wakes the main one by
// cancelling the timer it waits on.
static basio::awaitable<std::uint64_t> parkAll(long N) {
  auto Ex = co_await basio::this_coro::executor;
  basio::steady_timer E(Ex, basio::steady_timer::time_point::max());
  basio::steady_timer Done(Ex, basio::steady_timer::time_point::max());
  long Rss0 = bench::rssBytes();
  bench::Allocs A0 = bench::allocs();
  std::uint64_t Sum = 0;
  long Pending = N;
  for (long I = 0; I < N; ++I)
    basio::co_spawn(Ex, parked(E, std::uint64_t(I)),
                    [&](std::exception_ptr Err, std::uint64_t V) {
                      if (Err)
                        std::rethrow_exception(Err);
                      Sum += V;
                      if (--Pending == 0)
                        Done.cancel();
                    });
  co_await bench::yield(); // every coroutine runs up to its wait
  bench::Allocs A1 = bench::allocs();
  bench::metric("task_heap_bytes", double(A1.Bytes - A0.Bytes) / double(N),
                "bytes");
  bench::metric("task_allocs", double(A1.Count - A0.Count) / double(N),
                "allocs");
  bench::metric("task_rss_bytes", double(bench::rssBytes() - Rss0) / double(N),
                "bytes");
  std::uint64_t Start = bench::cpuNs();
  E.cancel();
  boost::system::error_code Ec;
  co_await Done.async_wait(basio::redirect_error(basio::use_awaitable, Ec));
  bench::metric("wake", double(bench::cpuNs() - Start) / double(N), "ns");
  co_return Sum;
}

int main(int Argc, char **Argv) {
  bench::Args A = bench::parseArgs(Argc, Argv);
  if (A.Variant != "event")
    bench::badVariant(A);
  bench::checksum(bench::runMain(parkAll(A.N)));
}
