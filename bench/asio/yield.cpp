// Workload 1, Boost.Asio awaitables: N coroutines x M yields (post).
#include "asio_common.hpp"
#include "bench.hpp"

#include <cstdint>
#include <vector>

static basio::awaitable<std::uint64_t> spinner(std::uint64_t Id, long Yields) {
  std::uint64_t Acc = 0;
  for (long I = 0; I < Yields; ++I) {
    co_await bench::yield();
    Acc += Id + std::uint64_t(I);
  }
  co_return Acc;
}

// The tasks report to a counter; the last one wakes the main coroutine by
// cancelling the timer it waits on (Asio has no join handle for co_spawn).
static basio::awaitable<std::uint64_t> runAll(long Tasks, long Yields) {
  auto Ex = co_await basio::this_coro::executor;
  basio::steady_timer Done(Ex, basio::steady_timer::time_point::max());
  std::uint64_t Sum = 0;
  long Pending = Tasks;
  for (long T = 0; T < Tasks; ++T)
    basio::co_spawn(Ex, spinner(std::uint64_t(T), Yields),
                    [&](std::exception_ptr E, std::uint64_t V) {
                      if (E)
                        std::rethrow_exception(E);
                      Sum += V;
                      if (--Pending == 0)
                        Done.cancel();
                    });
  bench::Phase Steps;
  boost::system::error_code Ec;
  co_await Done.async_wait(basio::redirect_error(basio::use_awaitable, Ec));
  Steps.stop("step", double(Tasks) * double(Yields));
  co_return Sum;
}

int main(int Argc, char **Argv) {
  bench::Args A = bench::parseArgs(Argc, Argv);
  if (A.Variant != "pingpong" && A.Variant != "rr")
    bench::badVariant(A);
  bench::checksum(bench::runMain(runAll(A.N, A.M)));
}
