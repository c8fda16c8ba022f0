// The plain build of a program that must behave as ordinary C++: with
// `cosm::await(` and `cosm::run(` rewritten to `(` by the test, an async
// function is a function and a coroutine its result (run/plain-oracle-*.cpp).
#pragma once
#define COSM_ASYNC
namespace cosm {
template <class T> using Coro = T;
inline void sleep(double) {}
} // namespace cosm
