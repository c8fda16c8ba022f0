//===- cosm/gather.hpp - cosm::gather --------------------------*- C++ -*-===//
///
/// \file
/// asyncio.gather (without return_exceptions). At the gather() call, every
/// coroutine argument is wrapped in a task, in argument order, and each
/// child gets the gathering future's done callback right after it is
/// wrapped. The returned Coro waits on the gathering future and then
/// collects the results in argument order (void children give
/// std::monostate). The first exception (or a child's cancellation) is
/// delivered at once while the other children keep running; cancelling the
/// waiting task cancels every child.
///
/// Difference from asyncio: gather() returns a Coro, not a future, so it must
/// be awaited (or given to create_task) to get the results; dropping it
/// unawaited does not warn, since asyncio's future would not.
///
//===----------------------------------------------------------------------===//
#ifndef COSM_GATHER_HPP
#define COSM_GATHER_HPP

#include "cosm/future.hpp"
#include "cosm/loop.hpp"
#include "cosm/task.hpp"

#include <cstddef>
#include <tuple>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

namespace cosm {
namespace detail {

/// asyncio's _GatheringFuture: finishes (void) when every child is done or
/// fails at the first failing child.
class GatheringFuture final : public FutureBase {
public:
  GatheringFuture(Loop &L, SourceLoc Loc, bool ReturnExceptions = false)
      : FutureBase(&L, Loc), ReturnExceptions(ReturnExceptions) {}
  /// Adds the next argument's future; the first time a future is seen it
  /// gets the done callback (asyncio dedups repeated arguments).
  void addChild(FutureBase &Child);
  /// Called after the last addChild: with no children, finishes at once.
  void sealed();
  /// Cancels every child; true if any child accepted.
  bool cancelWith(std::string Msg) override;
  std::string describe() const override;

private:
  static void childDone(void *Obj, FutureBase *Child);
  static void releaseSelf(void *Obj) noexcept;
  static std::string describeSelf(const void *Obj);
  static const CallbackOps ChildDoneOps;

  std::vector<Ref<FutureBase>> Children;
  std::size_t NFuts = 0;
  std::size_t NFinished = 0;
  bool CancelRequested = false;
  /// Children's failures do not fail the gathering (asyncio.run's shutdown
  /// uses this; the public gather() does not offer it yet).
  bool ReturnExceptions;
};

template <class T>
using GatherValue = std::conditional_t<std::is_void_v<T>, std::monostate, T>;

template <class T> struct IsVector : std::false_type {};
template <class T> struct IsVector<std::vector<T>> : std::true_type {};

/// How one gather() argument becomes a child future (no Value member for
/// anything else, so gather(A...) drops out of overload resolution).
template <class A> struct GatherArg {};
template <class T> struct GatherArg<Coro<T>> {
  using Value = GatherValue<T>;
  static Task<T> wrap(Loop &L, Coro<T> &&C, SourceLoc Loc) {
    Task<T> Tk = makeTask(L, std::move(C), {}, Loc);
    Tk.impl()->LogDestroyPending = false;
    return Tk;
  }
};
template <class T> struct GatherArg<Task<T>> {
  using Value = GatherValue<T>;
  static Task<T> wrap(Loop &, const Task<T> &Tk, SourceLoc) { return Tk; }
};
template <class T> struct GatherArg<Future<T>> {
  using Value = GatherValue<T>;
  static Future<T> wrap(Loop &, const Future<T> &F, SourceLoc) { return F; }
};

template <class H> auto gatherValue(const H &Child) {
  using R = decltype(Child.result());
  if constexpr (std::is_void_v<R>) {
    Child.result();
    return std::monostate{};
  } else {
    return std::decay_t<R>(Child.result());
  }
}

/// The Coro gather() returns: waits on the gathering future, then collects.
template <class Result, class Children>
class GatherFrame final : public Frame<Result> {
public:
  GatherFrame(Children C, Ref<GatheringFuture> Outer)
      : Kids(std::move(C)), Outer(std::move(Outer)) {
    this->started = true; // a future in asyncio: never "never awaited"
  }

  Step resume() override {
    switch (this->state) {
    case 1:
      goto resume_1;
    default:
      break;
    }
    if (!Outer->done()) {
      this->state = 1;
      return suspendOn(*Outer);
    resume_1:
      resume_point();
    }
    Outer->checkResult();
    this->return_value(collect());
    return this->finish();
  }
  const char *function_name() const noexcept override { return "gather"; }

private:
  Result collect() const {
    if constexpr (IsVector<Children>::value) {
      Result R;
      R.reserve(Kids.size());
      for (const auto &Kid : Kids)
        R.push_back(gatherValue(Kid));
      return R;
    } else {
      return std::apply(
          [](const auto &...Kid) { return Result{gatherValue(Kid)...}; }, Kids);
    }
  }

  Children Kids;
  Ref<GatheringFuture> Outer;
};

template <class H> H registerChild(GatheringFuture &Outer, H Child) {
  Outer.addChild(*Child.impl());
  return Child;
}

template <class T, class Arg>
Coro<std::vector<GatherValue<T>>> gatherVector(std::vector<Arg> &&Args,
                                               SourceLoc Loc) {
  Loop &L = runningLoop();
  Ref<GatheringFuture> Outer(new GatheringFuture(L, Loc));
  std::vector<Task<T>> Kids;
  Kids.reserve(Args.size());
  for (auto &A : Args)
    Kids.push_back(
        registerChild(*Outer, GatherArg<Arg>::wrap(L, std::move(A), Loc)));
  Outer->sealed();
  using Frame = GatherFrame<std::vector<GatherValue<T>>, std::vector<Task<T>>>;
  return Coro<std::vector<GatherValue<T>>>::template make<Frame>(
      std::move(Kids), std::move(Outer));
}

template <class T> struct IsCoro : std::false_type {};
template <class T> struct IsCoro<Coro<T>> : std::true_type {};

} // namespace detail

/// Runs every argument (Coro<T>, Task<T> or Future<T>) concurrently; the
/// result holds their results in argument order.
template <class... A>
Coro<std::tuple<typename detail::GatherArg<std::decay_t<A>>::Value...>>
gather(A &&...Args) {
  static_assert(((!detail::IsCoro<std::decay_t<A>>::value ||
                  std::is_rvalue_reference_v<A &&>)&&...),
                "gather() takes coroutines by value: pass f(), or std::move");
  using Result =
      std::tuple<typename detail::GatherArg<std::decay_t<A>>::Value...>;
  auto Loc = detail::SourceLoc::current();
  Loop &L = detail::runningLoop();
  detail::Ref<detail::GatheringFuture> Outer(
      new detail::GatheringFuture(L, Loc));
  // Braced initialisation evaluates left to right: each child is wrapped and
  // registered before the next one, as asyncio's loop over the arguments.
  using Children = std::tuple<decltype(detail::GatherArg<std::decay_t<A>>::wrap(
      L, std::forward<A>(Args), Loc))...>;
  Children Kids{
      detail::registerChild(*Outer, detail::GatherArg<std::decay_t<A>>::wrap(
                                        L, std::forward<A>(Args), Loc))...};
  Outer->sealed();
  return Coro<Result>::template make<detail::GatherFrame<Result, Children>>(
      std::move(Kids), std::move(Outer));
}

/// gather() over a vector of tasks: results in vector order.
template <class T>
Coro<std::vector<detail::GatherValue<T>>> gather(std::vector<Task<T>> Tasks) {
  return detail::gatherVector<T>(std::move(Tasks),
                                 detail::SourceLoc::current());
}
/// gather() over a vector of coroutines, wrapped in tasks in vector order.
template <class T>
Coro<std::vector<detail::GatherValue<T>>> gather(std::vector<Coro<T>> Coros) {
  return detail::gatherVector<T>(std::move(Coros),
                                 detail::SourceLoc::current());
}

} // namespace cosm

#endif // COSM_GATHER_HPP
