//===- cosm/pack.hpp - Awaits inside a pack expansion ----------*- C++ -*-===//
///
/// \file
/// Generated code, where a pack expansion or a fold awaits in its pattern:
///
///   (print(cosm::await(fetch(ids))), ...);
///
/// The number of suspension points is the instantiation's, so cosm-lower
/// makes the pattern a generic COSM_ASYNC lambda (`each`, taking one
/// element of every pack the pattern names) and awaits one of the
/// coroutines below, which run that lambda's coroutine for each element in
/// turn, inline, as the pattern's awaits would run one element after the
/// other; nothing goes through the loop that the pattern itself does not
/// send there.
///
///   in_order(each, elements...)   the results, a tuple (a VoidSlot for a
///                                 void pattern), for a call's arguments,
///                                 a braced list or a fold
///   all_in_order / any_in_order   an `&&` / `||` fold: stops after the
///                                 element that decides, as C++ does
///   shift_in_order(start, each, elements...)
///                                 a fold over `<<` or `>>`: C++ shifts
///                                 each element in before it evaluates the
///                                 next, so each element's coroutine takes
///                                 the value so far and gives the next
///
/// Each `elements` argument is a std::tuple of references, one element of
/// each pack (std::forward_as_tuple(ids)...). spread() hands a results
/// tuple to the code that used the pack expansion; last_of() gives a comma
/// fold's value.
///
//===----------------------------------------------------------------------===//
#ifndef COSM_PACK_HPP
#define COSM_PACK_HPP

#include "cosm/awaiter.hpp"
#include "cosm/frame.hpp"

#include <cstddef>
#include <optional>
#include <tuple>
#include <type_traits>
#include <utility>

namespace cosm::detail {

/// The value of `cosm::await(a)`, for decltype only: names an element
/// coroutine's result type where the pattern's awaits cannot be written.
template <class A>
std::decay_t<decltype(std::declval<awaiter_for<A> &>().take_result())>
await_value(A &&);

/// A pattern's value in the element coroutine: `(pattern, VoidSlot())` is
/// the pattern's value, or a VoidSlot when the pattern is void (the
/// built-in comma then applies), so that every element has a result.
struct VoidSlot {};
template <class T> T &&operator,(T &&Value, VoidSlot) noexcept {
  return static_cast<T &&>(Value);
}

enum class PackFold { Collect, All, Any };

/// The coroutine `each` makes for one element.
template <class F, class Elements>
using ElementCoro =
    decltype(std::apply(std::declval<F &>(), std::declval<Elements &>()));
template <class F, class Elements>
using ElementValue = typename ElementCoro<F, Elements>::value_type;
template <class T>
using PackSlot = std::conditional_t<std::is_void_v<T>, VoidSlot, T>;

template <PackFold Kind, class R, class F, class... Elements>
class PackFrame final : public Frame<R> {
public:
  PackFrame(F Each, Elements... Items)
      : Each(std::move(Each)), Items(std::move(Items)...) {}

  // state: how many elements have started.
  Step resume() override { return from<0>(); }
  void unwind() noexcept override {
    std::apply([](auto &...Child) { ((Child = {}), ...); }, Children);
  }
  const char *function_name() const noexcept override {
    return "pack expansion";
  }
  const FrameBase *awaited_frame() const noexcept override {
    return std::apply([](const auto &...C) { return active_child(C...); },
                      Children);
  }

private:
  static constexpr std::size_t N = sizeof...(Elements);

  template <std::size_t I> Step from() {
    if constexpr (I == N) {
      if constexpr (Kind == PackFold::Collect)
        this->return_value(std::apply(
            [](auto &...Slot) { return R(std::move(*Slot)...); }, Results));
      else
        this->return_value(Kind == PackFold::All);
      return this->finish();
    } else {
      if (this->state > static_cast<int>(I + 1))
        return from<I + 1>();
      auto &Child = std::get<I>(Children);
      if (this->state == static_cast<int>(I)) {
        this->state = I + 1;
        Child = std::apply(Each, std::get<I>(Items));
      }
      if (Child.step() == Step::Suspended)
        return Step::Suspended;
      if constexpr (Kind == PackFold::Collect) {
        store<I>();
      } else if (static_cast<bool>(Child.take_result()) !=
                 (Kind == PackFold::All)) {
        // The element that decides: no later one is evaluated.
        this->return_value(Kind == PackFold::Any);
        return this->finish();
      }
      return from<I + 1>();
    }
  }

  template <std::size_t I> void store() {
    auto &Child = std::get<I>(Children);
    using T = typename std::decay_t<decltype(Child)>::value_type;
    if constexpr (std::is_void_v<T>) {
      Child.take_result();
      std::get<I>(Results).emplace();
    } else {
      std::get<I>(Results).emplace(Child.take_result());
    }
  }

  F Each;
  std::tuple<Elements...> Items;
  std::tuple<ElementCoro<F, Elements>...> Children;
  std::tuple<std::optional<PackSlot<ElementValue<F, Elements>>>...> Results;
};

template <class F, class... Elements>
using PackResults = std::tuple<PackSlot<ElementValue<F, Elements>>...>;

/// Every element's result, in order. (The result type is written so that
/// cosm-lower sees a coroutine before the template is instantiated.)
template <class F, class... Elements>
Coro<PackResults<F, Elements...>> in_order(F Each, Elements... Items) {
  using R = PackResults<F, Elements...>;
  return Coro<R>::template make_awaited<
      PackFrame<PackFold::Collect, R, F, Elements...>>(std::move(Each),
                                                       std::move(Items)...);
}

/// `(pattern && ...)`: true unless an element is false; none after it runs.
template <class F, class... Elements>
Coro<bool> all_in_order(F Each, Elements... Items) {
  return Coro<bool>::make_awaited<
      PackFrame<PackFold::All, bool, F, Elements...>>(std::move(Each),
                                                      std::move(Items)...);
}

/// `(pattern || ...)`: false unless an element is true; none after it runs.
template <class F, class... Elements>
Coro<bool> any_in_order(F Each, Elements... Items) {
  return Coro<bool>::make_awaited<
      PackFrame<PackFold::Any, bool, F, Elements...>>(std::move(Each),
                                                      std::move(Items)...);
}

/// The value so far of a fold over `<<` or `>>`: a reference (`out <<
/// ...`) is kept as one, any other value by value. It changes type from one
/// element to the next as the operator's result does.
template <class T> struct FoldStep {
  T Value;
  T &get() noexcept { return Value; }
};
template <class T> struct FoldStep<T &> {
  T *Value;
  T &get() const noexcept { return *Value; }
};
/// A fold without an initial operand, before its first element.
struct NoStep {};

template <class T> FoldStep<T> fold_step(T &&Value) {
  if constexpr (std::is_lvalue_reference_v<T>)
    return FoldStep<T>{&Value};
  else
    return FoldStep<T>{std::move(Value)};
}

/// One element's step, in its coroutine: the value so far shifted by the
/// element's (which C++ evaluates after the left operand), or the first
/// element's own value.
template <class T, class V> auto shift_left(FoldStep<T> &Prev, V &&Value) {
  return fold_step(Prev.get() << std::forward<V>(Value));
}
template <class T, class V> auto shift_right(FoldStep<T> &Prev, V &&Value) {
  return fold_step(Prev.get() >> std::forward<V>(Value));
}
template <class V> auto shift_left(NoStep &, V &&Value) {
  return fold_step(std::forward<V>(Value));
}
template <class V> auto shift_right(NoStep &, V &&Value) {
  return fold_step(std::forward<V>(Value));
}

/// The fold's value: the last step's.
template <class T> T fold_value(FoldStep<T> &&Step) {
  if constexpr (std::is_lvalue_reference_v<T>)
    return Step.get();
  else
    return std::move(Step.Value);
}
template <class T = void> void fold_value(NoStep &&) {
  static_assert(!std::is_void_v<T> && false,
                "a unary fold over '<<' or '>>' of an empty pack is "
                "ill-formed in C++");
}

/// The coroutines and values of a chained fold: element I's coroutine
/// takes element I-1's value, so the types follow one another.
template <class F, class Prev, class... Elements> struct Chain {
  using Coros = std::tuple<>;
  using Values = std::tuple<>;
  using Result = Prev;
};
template <class F, class Prev, class E, class... Rest>
struct Chain<F, Prev, E, Rest...> {
  using Coro = decltype(std::apply(
      std::declval<F &>(),
      std::tuple_cat(std::declval<std::tuple<Prev &>>(), std::declval<E &>())));
  using Value = typename Coro::value_type;
  using Next = Chain<F, Value, Rest...>;
  using Coros = decltype(std::tuple_cat(std::declval<std::tuple<Coro>>(),
                                        std::declval<typename Next::Coros>()));
  using Values =
      decltype(std::tuple_cat(std::declval<std::tuple<std::optional<Value>>>(),
                              std::declval<typename Next::Values>()));
  using Result = typename Next::Result;
};

template <class F, class Start, class... Elements>
using ChainResult = typename Chain<F, Start, Elements...>::Result;

template <class F, class Start, class... Elements>
class ChainFrame final : public Frame<ChainResult<F, Start, Elements...>> {
  using Links = Chain<F, Start, Elements...>;

public:
  ChainFrame(Start First, F Each, Elements... Items)
      : First(std::move(First)), Each(std::move(Each)),
        Items(std::move(Items)...) {}

  // state: how many elements have started.
  Step resume() override { return from<0>(); }
  void unwind() noexcept override {
    std::apply([](auto &...Child) { ((Child = {}), ...); }, Children);
  }
  const char *function_name() const noexcept override {
    return "pack expansion";
  }
  const FrameBase *awaited_frame() const noexcept override {
    return std::apply([](const auto &...C) { return active_child(C...); },
                      Children);
  }

private:
  static constexpr std::size_t N = sizeof...(Elements);

  /// The value element \p I shifts into.
  template <std::size_t I> auto &before() {
    if constexpr (I == 0)
      return First;
    else
      return *std::get<I - 1>(Values);
  }

  template <std::size_t I> Step from() {
    if constexpr (I == N) {
      this->return_value(std::move(before<N>()));
      return this->finish();
    } else {
      if (this->state > static_cast<int>(I + 1))
        return from<I + 1>();
      auto &Child = std::get<I>(Children);
      if (this->state == static_cast<int>(I)) {
        this->state = I + 1;
        Child =
            std::apply(Each, std::tuple_cat(std::forward_as_tuple(before<I>()),
                                            std::get<I>(Items)));
      }
      if (Child.step() == Step::Suspended)
        return Step::Suspended;
      std::get<I>(Values).emplace(Child.take_result());
      return from<I + 1>();
    }
  }

  Start First;
  F Each;
  std::tuple<Elements...> Items;
  typename Links::Coros Children;
  typename Links::Values Values;
};

/// `(init << ... << pattern)`, `(... >> pattern)` and the like: \p First is
/// the initial operand's step (a NoStep without one); the result, the last.
template <class F, class Start, class... Elements>
Coro<ChainResult<F, Start, Elements...>> shift_in_order(Start First, F Each,
                                                        Elements... Items) {
  using R = ChainResult<F, Start, Elements...>;
  return Coro<R>::template make_awaited<ChainFrame<F, Start, Elements...>>(
      std::move(First), std::move(Each), std::move(Items)...);
}

/// The value of a comma fold that is used: the last element's (none for an
/// empty pack, as C++ gives void()).
template <class... T> auto last_of(std::tuple<T...> &&Values) {
  if constexpr (sizeof...(T) == 0)
    return;
  else
    return std::get<sizeof...(T) - 1>(std::move(Values));
}

/// Calls \p Use with the results as a pack: the code around the expansion.
template <class Results, class Use>
decltype(auto) spread(Results &&Values, Use &&Then) {
  return std::apply(std::forward<Use>(Then), std::forward<Results>(Values));
}

} // namespace cosm::detail

#endif // COSM_PACK_HPP
