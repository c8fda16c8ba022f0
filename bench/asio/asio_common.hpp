//===- bench/asio/asio_common.hpp - The Boost.Asio peer --------*- C++ -*-===//
///
/// \file
/// Boost.Asio with C++20 awaitables: one io_context on one thread
/// (concurrency hint 1, the usual single-threaded setting), co_spawn and
/// use_awaitable, a yield that posts the coroutine to the back of the queue.
///
//===----------------------------------------------------------------------===//
#ifndef BENCH_ASIO_COMMON_HPP
#define BENCH_ASIO_COMMON_HPP

// Boost 1.74's awaitable.hpp uses std::exchange without including <utility>.
#include <utility>

#include <boost/asio.hpp>

namespace basio = boost::asio;

namespace bench {

/// co_await yield(): back of the io_context's queue (asyncio's sleep(0)).
inline basio::awaitable<void> yield() {
  co_await basio::post(co_await basio::this_coro::executor,
                       basio::use_awaitable);
}

/// Runs Main on a fresh io_context until everything is done.
template <class T> T runMain(basio::awaitable<T> Main) {
  basio::io_context Ctx(1);
  T Result{};
  basio::co_spawn(Ctx, std::move(Main),
                  [&Result](std::exception_ptr E, T V) {
                    if (E)
                      std::rethrow_exception(E);
                    Result = V;
                  });
  Ctx.run();
  return Result;
}

} // namespace bench

#endif // BENCH_ASIO_COMMON_HPP
