//===- cosm/threads.hpp - cosm::to_thread ----------------------*- C++ -*-===//
///
/// \file
/// asyncio.to_thread(fn): `return await loop.run_in_executor(None, fn)`.
/// Loop::call_soon_threadsafe and Loop::run_in_executor are in loop.hpp.
/// Arguments are bound by the caller (a lambda), as functools.partial does.
///
//===----------------------------------------------------------------------===//
#ifndef COSM_THREADS_HPP
#define COSM_THREADS_HPP

#include "cosm/frame.hpp"
#include "cosm/loop.hpp"
#include "cosm/task.hpp"

#include <type_traits>
#include <utility>

namespace cosm {
namespace detail {
template <class R, class F> class ToThreadFrame final : public Frame<R> {
public:
  explicit ToThreadFrame(F Fn) : Fn(std::move(Fn)) {}
  Step resume() override {
    if (this->state == 1)
      goto resume_1;
    Fut = get_running_loop().run_in_executor(std::move(*Fn));
    if (!Fut->done()) {
      this->state = 1;
      return suspend_on(*Fut);
    resume_1:
      resume_point();
    }
    if constexpr (std::is_void_v<R>)
      Fut->result();
    else
      this->return_value(R(Fut->result()));
    return this->finish();
  }
  const char *function_name() const noexcept override { return "to_thread"; }

private:
  std::optional<F> Fn;
  std::optional<Future<R>> Fut;
};
} // namespace detail

/// Runs Fn() on the running loop's default executor and returns its result
/// (or rethrows its exception) once done. Cancelling the awaiting task
/// does not stop a call that already started.
template <class F> auto to_thread(F Fn) {
  using R = std::decay_t<std::invoke_result_t<F &>>;
  return Coro<R>::template make<detail::ToThreadFrame<R, F>>(std::move(Fn));
}

} // namespace cosm

#endif // COSM_THREADS_HPP
