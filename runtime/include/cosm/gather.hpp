//===- cosm/gather.hpp - cosm::gather --------------------------*- C++ -*-===//
///
/// \file
/// asyncio.gather (3.11). At the gather() call, every coroutine argument is
/// wrapped in a task, in argument order, and each child gets the gathering
/// future's done callback right after it is wrapped. gather() returns that
/// future (asyncio's _GatheringFuture) as a GatherFuture<R>, a Future<R>:
/// await it, give it done callbacks, or cancel() it, which cancels every
/// child that is not done (true if any accepted) and makes it end with the
/// CancelledError of the last argument's child once all are done, as 3.11.
/// Its result holds the children's results in argument order (void
/// children give std::monostate).
///
/// Without return_exceptions, the first exception (or a child's
/// cancellation) is delivered at once while the other children keep
/// running. gather(return_exceptions, ...) is `return_exceptions=True`:
/// each element is a ResultOrError<T>, the child's value or its exception
/// (a cancelled child gives a new CancelledError with its cancel message).
///
/// A GatherFuture also converts to a Coro<R> that awaits it, for code that
/// stores gather() in a Coro (before gather() returned a future it returned
/// one); awaiting either costs the same passes.
///
/// Difference from asyncio: the result is a tuple (a vector for the vector
/// overloads), not a list, and is copied out when awaited.
///
//===----------------------------------------------------------------------===//
#ifndef COSM_GATHER_HPP
#define COSM_GATHER_HPP

#include "cosm/future.hpp"
#include "cosm/loop.hpp"
#include "cosm/task.hpp"

#include <cstddef>
#include <exception>
#include <optional>
#include <string>
#include <tuple>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

namespace cosm {

/// The tag of gather(return_exceptions, ...): asyncio's
/// `return_exceptions=True`.
struct ReturnExceptions {};
inline constexpr ReturnExceptions return_exceptions{};

/// A child's value (std::monostate for void) or its exception: an element
/// of gather(return_exceptions, ...)'s result.
template <class T>
using ResultOrError =
    std::variant<std::conditional_t<std::is_void_v<T>, std::monostate, T>,
                 std::exception_ptr>;

template <class R> class GatherFuture;

namespace detail {

/// The untyped part of _GatheringFuture and gather()'s _done_callback.
class GatherChildren {
public:
  explicit GatherChildren(bool ReturnExceptions)
      : ReturnExceptions(ReturnExceptions) {}
  /// Adds the next argument's future; true the first time it is seen (it
  /// then needs the done callback: asyncio dedups repeated arguments).
  bool add(FutureBase &Child);
  std::size_t distinct() const noexcept { return NFuts; }
  /// _GatheringFuture.cancel(msg) of a pending future.
  bool cancel(const std::string &Msg);
  /// _done_callback(Child): fails Outer when it must; true when every
  /// child is done and Outer must now get its results.
  bool childDone(FutureBase &Outer, FutureBase &Child);

private:
  std::vector<Ref<FutureBase>> Children;
  std::size_t NFuts = 0;
  std::size_t NFinished = 0;
  bool CancelRequested = false;
  bool ReturnExceptions;
};

/// " created at f.cpp:3" in debug mode, else "" (debug.hpp's createdAt).
std::string createdAtText(SourceLoc Loc);

/// asyncio's _GatheringFuture with result R. complete() sets the result
/// once every child is done; the void one (asyncio.run's shutdown) has
/// nothing to collect.
template <class R> class GatheringFuture : public FutureImpl<R> {
public:
  GatheringFuture(Loop &L, SourceLoc Loc, bool ReturnExceptions = false)
      : FutureImpl<R>(&L, Loc), G(ReturnExceptions) {}

  void addChild(FutureBase &Child) {
    if (!G.add(Child))
      return;
    // asyncio 3.14: the task calling gather() waits for each child.
    if (TaskBase *Caller = currentTaskOrNull())
      Child.addAwaiter(*Caller);
    this->retain();
    Child.addDoneCallback(&Ops, this);
  }
  /// Called after the last addChild: with no children, finishes at once.
  void sealed() {
    if (G.distinct() == 0)
      complete();
  }
  bool cancelWith(std::string Msg) override {
    return !this->done() && G.cancel(Msg);
  }
  std::string describe() const override {
    return "<_GatheringFuture " + std::string(this->stateName()) +
           createdAtText(this->Loc) + ">";
  }

protected:
  virtual void complete() {
    if constexpr (std::is_void_v<R>)
      this->setResult();
  }

private:
  static void childDone(void *Obj, FutureBase *Child) {
    auto *Outer = static_cast<GatheringFuture *>(Obj);
    if (Outer->G.childDone(*Outer, *Child))
      Outer->complete();
  }
  static void releaseSelf(void *Obj) noexcept {
    static_cast<GatheringFuture *>(Obj)->release();
  }
  static std::string describeSelf(const void *Obj) {
    return static_cast<const GatheringFuture *>(Obj)->describe();
  }
  static constexpr CallbackOps Ops{&childDone, &releaseSelf, &describeSelf};

  GatherChildren G;
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
  using Raw = T;
  static Task<T> wrap(Loop &L, Coro<T> &&C, SourceLoc Loc) {
    Task<T> Tk = makeTask(L, std::move(C), {}, Loc);
    Tk.impl()->LogDestroyPending = false;
    return Tk;
  }
};
template <class T> struct GatherArg<Task<T>> {
  using Value = GatherValue<T>;
  using Raw = T;
  static Task<T> wrap(Loop &, const Task<T> &Tk, SourceLoc) { return Tk; }
};
template <class T> struct GatherArg<Future<T>> {
  using Value = GatherValue<T>;
  using Raw = T;
  static Future<T> wrap(Loop &, const Future<T> &F, SourceLoc) { return F; }
};
/// gather(gather(...), ...): the inner gather's future is a child.
template <class T> struct GatherArg<GatherFuture<T>> : GatherArg<Future<T>> {};

/// One element of the result list: the value, or with return_exceptions
/// the value or the exception.
template <bool RetExc, class H> auto gatherValue(const H &Child) {
  using R = decltype(Child.result());
  using V =
      std::conditional_t<std::is_void_v<R>, std::monostate, std::decay_t<R>>;
  if constexpr (RetExc) {
    using Out = std::variant<V, std::exception_ptr>;
    FutureBase &F = *Child.impl();
    // CancelledError(fut._cancel_message or ''): a task that ended
    // cancelled has no message there in 3.11 (__step calls super().cancel()).
    if (F.cancelled())
      return Out(std::in_place_index<1>,
                 std::make_exception_ptr(CancelledError(
                     F.isTask() ? std::string() : F.cancelMessage())));
    if (std::exception_ptr E = F.exception())
      return Out(std::in_place_index<1>, std::move(E));
    if constexpr (std::is_void_v<R>)
      return Out(std::in_place_index<0>);
    else
      return Out(std::in_place_index<0>, V(Child.result()));
  } else if constexpr (std::is_void_v<R>) {
    Child.result();
    return std::monostate{};
  } else {
    return V(Child.result());
  }
}

/// The gathering future of gather(): its children, typed, to collect.
template <class R, class Children, bool RetExc>
class GatherImpl final : public GatheringFuture<R> {
public:
  GatherImpl(Loop &L, SourceLoc Loc) : GatheringFuture<R>(L, Loc, RetExc) {}
  std::optional<Children> Kids;

private:
  void complete() override { this->setResult(collect()); }
  R collect() const {
    if constexpr (IsVector<Children>::value) {
      R Out;
      Out.reserve(Kids->size());
      for (const auto &Kid : *Kids)
        Out.push_back(gatherValue<RetExc>(Kid));
      return Out;
    } else {
      return std::apply(
          [](const auto &...Kid) { return R{gatherValue<RetExc>(Kid)...}; },
          *Kids);
    }
  }
};

template <class H, class Outer> H registerChild(Outer &O, H Child) {
  O.addChild(*Child.impl());
  return Child;
}

template <class T> struct IsCoro : std::false_type {};
template <class T> struct IsCoro<Coro<T>> : std::true_type {};

/// `await gathering_future` as a coroutine (GatherFuture's Coro<R>).
template <class R> class GatherFrame final : public Frame<R> {
public:
  explicit GatherFrame(Ref<FutureImpl<R>> Outer) : Outer(std::move(Outer)) {
    this->started = true; // a future in asyncio: never "never awaited"
  }
  Step resume() override {
    if (this->state == 1)
      goto resume_1;
    if (!Outer->done()) {
      this->state = 1;
      return suspendOn(*Outer);
    resume_1:
      resume_point();
    }
    this->return_value(R(Outer->result()));
    return this->finish();
  }
  const char *function_name() const noexcept override { return "gather"; }

private:
  Ref<FutureImpl<R>> Outer;
};

} // namespace detail

/// What gather() returns: asyncio's _GatheringFuture. A Future<R> (await
/// it, add done callbacks, cancel it: cancel() cancels the children), that
/// also converts to a Coro<R> awaiting it.
template <class R> class GatherFuture : public Future<R> {
public:
  explicit GatherFuture(detail::FutureImpl<R> *P) noexcept : Future<R>(P) {}
  operator Coro<R>() const {
    return Coro<R>::template make_awaited<detail::GatherFrame<R>>(
        detail::Ref<detail::FutureImpl<R>>(this->impl()));
  }
};

/// create_task(gather(...)): a task awaiting the gathering future (asyncio
/// refuses a future here; cosm accepted it when gather() returned a Coro).
template <class R>
Task<R> create_task(const GatherFuture<R> &G, std::string Name = {},
                    detail::SourceLoc Loc = detail::SourceLoc::current()) {
  return create_task(Coro<R>(G), std::move(Name), Loc);
}

namespace detail {

template <bool RetExc, class T>
using GatherElement =
    std::conditional_t<RetExc, ResultOrError<T>, GatherValue<T>>;

template <bool RetExc, class... A> auto gatherArgs(SourceLoc Loc, A &&...Args) {
  using Result = std::tuple<
      GatherElement<RetExc, typename GatherArg<std::decay_t<A>>::Raw>...>;
  using Children = std::tuple<decltype(GatherArg<std::decay_t<A>>::wrap(
      std::declval<Loop &>(), std::forward<A>(Args), Loc))...>;
  Loop &L = runningLoop();
  auto *Outer = new GatherImpl<Result, Children, RetExc>(L, Loc);
  GatherFuture<Result> Handle(Outer);
  // Braced initialisation evaluates left to right: each child is wrapped and
  // registered before the next one, as asyncio's loop over the arguments.
  Outer->Kids.emplace(
      Children{registerChild(*Outer, GatherArg<std::decay_t<A>>::wrap(
                                         L, std::forward<A>(Args), Loc))...});
  Outer->sealed();
  return Handle;
}

template <bool RetExc, class T, class Arg>
GatherFuture<std::vector<GatherElement<RetExc, T>>>
gatherVector(std::vector<Arg> &&Args, SourceLoc Loc) {
  using Result = std::vector<GatherElement<RetExc, T>>;
  using Children = std::vector<decltype(GatherArg<Arg>::wrap(
      std::declval<Loop &>(), std::declval<Arg &&>(), Loc))>;
  Loop &L = runningLoop();
  auto *Outer = new GatherImpl<Result, Children, RetExc>(L, Loc);
  GatherFuture<Result> Handle(Outer);
  Outer->Kids.emplace();
  Outer->Kids->reserve(Args.size());
  for (auto &A : Args)
    Outer->Kids->push_back(
        registerChild(*Outer, GatherArg<Arg>::wrap(L, std::move(A), Loc)));
  Outer->sealed();
  return Handle;
}

template <class... A>
using GatherTuple = std::tuple<typename GatherArg<std::decay_t<A>>::Value...>;
template <class... A>
using GatherOrErrorTuple =
    std::tuple<ResultOrError<typename GatherArg<std::decay_t<A>>::Raw>...>;

} // namespace detail

/// Runs every argument (Coro<T>, Task<T> or Future<T>) concurrently; the
/// result holds their results in argument order.
template <class... A>
GatherFuture<detail::GatherTuple<A...>> gather(A &&...Args) {
  static_assert(((!detail::IsCoro<std::decay_t<A>>::value ||
                  std::is_rvalue_reference_v<A &&>)&&...),
                "gather() takes coroutines by value: pass f(), or std::move");
  return detail::gatherArgs<false>(detail::SourceLoc::current(),
                                   std::forward<A>(Args)...);
}

/// gather(..., return_exceptions=True): each element is the child's value
/// or its exception.
template <class... A>
GatherFuture<detail::GatherOrErrorTuple<A...>> gather(ReturnExceptions,
                                                      A &&...Args) {
  static_assert(((!detail::IsCoro<std::decay_t<A>>::value ||
                  std::is_rvalue_reference_v<A &&>)&&...),
                "gather() takes coroutines by value: pass f(), or std::move");
  return detail::gatherArgs<true>(detail::SourceLoc::current(),
                                  std::forward<A>(Args)...);
}

/// gather() over a vector of tasks: results in vector order.
template <class T>
GatherFuture<std::vector<detail::GatherValue<T>>>
gather(std::vector<Task<T>> Tasks) {
  return detail::gatherVector<false, T>(std::move(Tasks),
                                        detail::SourceLoc::current());
}
/// gather() over a vector of coroutines, wrapped in tasks in vector order.
template <class T>
GatherFuture<std::vector<detail::GatherValue<T>>>
gather(std::vector<Coro<T>> Coros) {
  return detail::gatherVector<false, T>(std::move(Coros),
                                        detail::SourceLoc::current());
}
/// The same with return_exceptions=True.
template <class T>
GatherFuture<std::vector<ResultOrError<T>>> gather(ReturnExceptions,
                                                   std::vector<Task<T>> Tasks) {
  return detail::gatherVector<true, T>(std::move(Tasks),
                                       detail::SourceLoc::current());
}
template <class T>
GatherFuture<std::vector<ResultOrError<T>>> gather(ReturnExceptions,
                                                   std::vector<Coro<T>> Coros) {
  return detail::gatherVector<true, T>(std::move(Coros),
                                       detail::SourceLoc::current());
}

} // namespace cosm

#endif // COSM_GATHER_HPP
