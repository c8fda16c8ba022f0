//===- cosm/async.hpp - COSM_ASYNC and cosm::await -------------*- C++ -*-===//
///
/// \file
/// The two names a cosm program is written with before it is lowered:
/// COSM_ASYNC marks an async function's definition, and cosm::await marks a
/// suspension point. cosm-lower rewrites both away; code that still calls
/// cosm::await was not lowered and must not compile.
///
//===----------------------------------------------------------------------===//
#ifndef COSM_ASYNC_HPP
#define COSM_ASYNC_HPP

#include "cosm/frame.hpp"
#include <cstdlib>
#include <type_traits>

#if defined(__clang__)
#define COSM_ASYNC [[clang::annotate("cosm.async")]]
#else
#define COSM_ASYNC
#endif

namespace cosm {

template <class T> class Task;
template <class T> class Future;

namespace detail {
template <class T> inline constexpr bool NotLowered = false;
} // namespace detail

// cosm-lower parses the source with COSM_LOWERING defined: there the awaits
// are what it analyses, never run. They have bodies all the same: a
// function of a type with internal linkage (a result type declared in an
// anonymous namespace) must be defined where it is used. Anywhere else they
// refuse to compile.
#if defined(COSM_LOWERING)
template <class T> T await(Coro<T> &&) { std::abort(); }
template <class T> T await(Coro<T> &) { std::abort(); }
// A task or a future may be awaited more than once, and each await gives
// the same result, as in asyncio: a copy of it.
template <class T> T await(const Task<T> &) {
  static_assert(std::is_void_v<T> || std::is_copy_constructible_v<T>,
                "cosm::await of a task copies its result, and this result "
                "type cannot be copied: await the coroutine itself, or make "
                "the result a std::shared_ptr");
  std::abort();
}
template <class T> T await(const Future<T> &) {
  static_assert(std::is_void_v<T> || std::is_copy_constructible_v<T>,
                "cosm::await of a future copies its result, and this "
                "result type cannot be copied: make it a std::shared_ptr");
  std::abort();
}
#else
template <class T> T await(Coro<T> &) {
  static_assert(detail::NotLowered<T>,
                "cosm::await must be lowered: run cosm-lower on this file "
                "and compile its output");
}
template <class T> T await(Coro<T> &&) {
  static_assert(detail::NotLowered<T>,
                "cosm::await must be lowered: run cosm-lower on this file "
                "and compile its output");
}
template <class T> T await(const Task<T> &) {
  static_assert(detail::NotLowered<T>,
                "cosm::await must be lowered: run cosm-lower on this file "
                "and compile its output");
}
template <class T> T await(const Future<T> &) {
  static_assert(detail::NotLowered<T>,
                "cosm::await must be lowered: run cosm-lower on this file "
                "and compile its output");
}
#endif

} // namespace cosm

#endif // COSM_ASYNC_HPP
