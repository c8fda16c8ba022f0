// Workload 2, Boost.Asio awaitables: N trivial coroutines co_spawned and
// awaited, one at a time (co_await co_spawn(..., use_awaitable)) or all
// spawned first with a completion handler (burst).
#include "asio_common.hpp"
#include "bench.hpp"

#include <cstdint>
#include <vector>

static basio::awaitable<std::uint64_t> trivial(std::uint64_t I) {
  co_return I * 2 + 1;
}

static basio::awaitable<std::uint64_t> oneAtATime(long N) {
  auto Ex = co_await basio::this_coro::executor;
  bench::Phase Spawn;
  std::uint64_t Sum = 0;
  for (long I = 0; I < N; ++I)
    Sum += co_await basio::co_spawn(Ex, trivial(std::uint64_t(I)),
                                    basio::use_awaitable);
  Spawn.stop("task", double(N));
  co_return Sum;
}

// Asio has no join handle: the results go to a counter, and the last task
// wakes the main coroutine by cancelling the timer it waits on.
static basio::awaitable<std::uint64_t> burst(long N) {
  auto Ex = co_await basio::this_coro::executor;
  basio::steady_timer Done(Ex, basio::steady_timer::time_point::max());
  bench::Phase Spawn;
  std::uint64_t Sum = 0;
  long Pending = N;
  for (long I = 0; I < N; ++I)
    basio::co_spawn(Ex, trivial(std::uint64_t(I)),
                    [&](std::exception_ptr E, std::uint64_t V) {
                      if (E)
                        std::rethrow_exception(E);
                      Sum += V;
                      if (--Pending == 0)
                        Done.cancel();
                    });
  boost::system::error_code Ec;
  co_await Done.async_wait(basio::redirect_error(basio::use_awaitable, Ec));
  Spawn.stop("task", double(N));
  co_return Sum;
}

int main(int Argc, char **Argv) {
  bench::Args A = bench::parseArgs(Argc, Argv);
  if (A.Variant == "one")
    bench::checksum(bench::runMain(oneAtATime(A.N)));
  else if (A.Variant == "burst")
    bench::checksum(bench::runMain(burst(A.N)));
  else
    bench::badVariant(A);
}
