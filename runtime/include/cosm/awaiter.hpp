//===- cosm/awaiter.hpp - An await whose kind a template decides -*- C++ -*-===//
///
/// \file
/// Generated code, at an await whose operand's type depends on a template
/// parameter (`template <class A> ... cosm::await(a)`): which of the two
/// kinds of await happens is decided when the template is instantiated.
/// Awaiter<Coro<T>> steps the child inline, as any await of a coroutine;
/// Awaiter<Task<T>> and Awaiter<Future<T>> suspend through the loop unless
/// the awaited one is done, as any await of a task or a future. The
/// generated code reads the same for both:
///
///   a_awaiter.start(a);
///   resume_1:
///   if (a_awaiter.pending()) { state = 1; return a_awaiter.suspend(); }
///   ... a_awaiter.take_result() ...
///
//===----------------------------------------------------------------------===//
#ifndef COSM_AWAITER_HPP
#define COSM_AWAITER_HPP

#include "cosm/async.hpp"
#include "cosm/future.hpp"
#include "cosm/task.hpp"
#include <optional>
#include <type_traits>
#include <utility>

namespace cosm {

/// Not awaitable: an error where the await is instantiated. The frame
/// holds one for every await of its template, also in a branch of an
/// `if constexpr` the instantiation discards, where it is never started.
template <class T> class Awaiter {
public:
  template <class U> void start(U &&) {
    static_assert(detail::NotLowered<U>,
                  "cosm::await needs a cosm::Coro, cosm::Task or cosm::Future");
  }
  bool pending() { return false; }
  Step suspend() const noexcept { return Step::Suspended; }
  void take_result() {}
  bool active() const noexcept { return false; }
  const FrameBase *frame() const noexcept { return nullptr; }
};

/// A coroutine: it runs inline, in this step; when it suspends, the whole
/// chain waits.
template <class T> class Awaiter<Coro<T>> {
public:
  void start(Coro<T> &&Child) { this->Child = std::move(Child); }
  void start(Coro<T> &Child) { this->Child = std::move(Child); }
  bool pending() { return Child.step() == Step::Suspended; }
  Step suspend() const noexcept { return Step::Suspended; }
  T take_result() { return Child.take_result(); }
  // For the call graph: the child while it runs.
  bool active() const noexcept { return Child.active(); }
  const FrameBase *frame() const noexcept { return Child.frame(); }

private:
  Coro<T> Child;
};

namespace detail {
/// A task or a future: unless it is done, the task registers its wake-up as
/// its done callback and returns to the loop.
template <class Handle> class HandleAwaiter {
public:
  void start(const Handle &Awaited) {
    this->Awaited = Awaited;
    Waited = false;
  }
  bool pending() {
    if (Waited) {
      Waited = false;
      resume_point(); // raises a cancellation that arrived meanwhile
      return false;
    }
    return Waited = !Awaited->done();
  }
  Step suspend() const { return suspend_on(*Awaited); }
  decltype(auto) take_result() const { return Awaited->result(); }
  bool active() const noexcept { return false; }
  const FrameBase *frame() const noexcept { return nullptr; }

private:
  // Optional: a default Future would make a future of its own.
  std::optional<Handle> Awaited;
  bool Waited = false;
};
} // namespace detail

template <class T>
class Awaiter<Task<T>> : public detail::HandleAwaiter<Task<T>> {};
template <class T>
class Awaiter<Future<T>> : public detail::HandleAwaiter<Future<T>> {};

namespace detail {
/// A class derived from Future<R> (gather()'s GatherFuture) is awaited as
/// the future it is.
template <class R> Future<R> future_base(const Future<R> *);
template <class T, class = void> struct Awaited {
  using type = T;
};
template <class T>
struct Awaited<T, std::void_t<decltype(future_base(static_cast<T *>(nullptr)))>> {
  using type = decltype(future_base(static_cast<T *>(nullptr)));
};
} // namespace detail

/// The awaiter of an operand of type \p T (a reference, const or not).
template <class T>
using awaiter_for = Awaiter<typename detail::Awaited<std::decay_t<T>>::type>;

} // namespace cosm

#endif // COSM_AWAITER_HPP
