// Templates as people write them: an object of a dependent type used in the
// same expression as an await (`out.push_back(cosm::await(...))`, `b.val +
// cosm::await(...)`, `xs[0] + ...`) is saved by its address, named through
// the expression; an `auto` local (or range-for variable) of a dependent
// type is awaited through its own type; unnamed template parameters
// (`class = std::enable_if_t<...>`, `int = 0`) are named in the frame; and
// array parameters, references and pointers to arrays keep their types.
// Each of these lowered to code that did not compile. A dependent local
// built with parentheses (`T v(3, 7)`, arguments awaited or not) keeps its
// arguments: it was built from the comma expression `(3, 7)`. A part of an
// awaited task's or future's result saved before a later await is named
// through the expression too: the frame reads that result in place, const
// (the saved pointer was `int *`, which did not compile).
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: grep -v CHECK %t.cpp | FileCheck %s
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/template-operands.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>
#include <type_traits>
#include <utility>
#include <vector>

COSM_ASYNC cosm::Coro<int> value(int x) {
  cosm::await(cosm::sleep(0));
  return x;
}

template <class T> struct Box {
  T val;
};

// CHECK-LABEL: struct add_one_frame
// CHECK: std::remove_reference_t<decltype((b.val))> *saved;
template <class T> COSM_ASYNC cosm::Coro<T> add_one(T x) {
  Box<T> b{x};
  return b.val + cosm::await(value(1));
}

// CHECK-LABEL: struct doubled_frame
// CHECK: out.push_back((*x) + child.take_result());
template <class T>
COSM_ASYNC cosm::Coro<std::vector<T>> doubled(std::vector<T> in) {
  std::vector<T> out;
  for (const T &x : in)
    out.push_back(x + cosm::await(cosm::sleep(0, x)));
  return out;
}

template <class T> COSM_ASYNC cosm::Coro<T> first_plus(std::vector<T> xs) {
  return xs[0] + cosm::await(value(10));
}

// CHECK-LABEL: struct sum_frame
// CHECK: cosm::awaiter_for<std::remove_cv_t<std::remove_reference_t<decltype((*t))>>>
template <class T>
COSM_ASYNC cosm::Coro<T> sum(std::vector<cosm::Task<T>> ts) {
  T total{};
  for (auto &t : ts)
    total += cosm::await(t);
  auto &first = ts[0];
  return total + cosm::await(first);
}

// CHECK: template <class T, class unnamed_1 = std::enable_if_t<std::is_integral_v<T>>>
// CHECK-NEXT: struct half_frame
// CHECK: cosm::Coro<T>::template make<half_frame<T, unnamed_1>>
template <class T, class = std::enable_if_t<std::is_integral_v<T>>>
COSM_ASYNC cosm::Coro<T> half(T x) {
  cosm::await(cosm::sleep(0));
  return x / 2;
}

// CHECK: template <class T, std::enable_if_t<(sizeof(T) > 1), int> unnamed_1 = 0>
// CHECK-NEXT: struct twice_frame
template <class T, std::enable_if_t<(sizeof(T) > 1), int> = 0>
COSM_ASYNC cosm::Coro<T> twice(T x) {
  cosm::await(cosm::sleep(0));
  return 2 * x;
}

// CHECK-LABEL: struct filled_frame
// CHECK: new (&v) T(3, 7);
template <class T> COSM_ASYNC cosm::Coro<int> filled(int first) {
  T v(3, 7);
  T w(cosm::await(value(2)), first + cosm::await(value(1)));
  cosm::await(cosm::sleep(0));
  return (int)v.size() * 100 + v[0] + (int)w.size() * 10 + w[1];
}

// A task or shield of a coroutine of type T has no type to print either: it
// is awaited through cosm::awaiter_for, by the instantiation.
// CHECK-LABEL: struct handed_frame
// CHECK: cosm::awaiter_for<
template <class T> COSM_ASYNC cosm::Coro<T> handed(T v) {
  T a = cosm::await(cosm::shield(add_one(v)));
  T b = cosm::await(cosm::create_task(add_one(v + a)));
  return a + b;
}

// The frame holds an awaiter for each await of the template, also for one
// in a branch the instantiation discards (`handled(3)`: T is int, which is
// not awaitable); it is never started there.
template <class T> COSM_ASYNC cosm::Coro<int> handled(T t) {
  if constexpr (std::is_same_v<T, int>) {
    cosm::await(cosm::sleep(0));
    return t;
  } else {
    return cosm::await(t);
  }
}

// CHECK-LABEL: struct gathered_frame
// CHECK: std::remove_reference_t<decltype((std::get<1>(awaited.result())))> *saved;
template <class T> COSM_ASYNC cosm::Coro<int> gathered(int base) {
  T p{std::get<1>(cosm::await(cosm::gather(value(base), value(base + 1)))),
      cosm::await(value(base + 2))};
  auto t = cosm::create_task(value(base + 3));
  T q{cosm::await(t), cosm::await(value(base + 4))};
  return p.first * 1000 + p.second * 100 + q.first * 10 + q.second;
}

// CHECK-LABEL: struct second_frame
// CHECK: const int *arr;
COSM_ASYNC cosm::Coro<int> second(const int arr[]) {
  cosm::await(cosm::sleep(0));
  return arr[1];
}

// CHECK-LABEL: struct both_frame
// CHECK: cosm::Type<int (&)[2]> pair;
// CHECK: cosm::Type<int (*)[2]> through;
COSM_ASYNC cosm::Coro<int> both(int (&pair)[2]) {
  int(*through)[2] = &pair;
  cosm::await(cosm::sleep(0));
  return (*through)[0] + pair[1];
}

COSM_ASYNC cosm::Coro<void> amain() {
  std::printf("add_one %d\n", cosm::await(add_one(4)));
  std::vector<int> d = cosm::await(doubled(std::vector<int>{1, 2, 3}));
  std::printf("doubled %d %d %d\n", d[0], d[1], d[2]);
  std::printf("first_plus %d\n", cosm::await(first_plus(std::vector<int>{5})));
  std::vector<cosm::Task<int>> ts;
  for (int i : {4, 9, 2})
    ts.push_back(cosm::create_task(value(i)));
  std::printf("sum %d\n", cosm::await(sum(ts)));
  std::printf("half %d twice %ld\n", cosm::await(half(9)),
              cosm::await(twice(21L)));
  std::printf("handled %d %d\n", cosm::await(handled(3)),
              cosm::await(handled(cosm::create_task(value(7)))));
  std::printf("handed %d\n", cosm::await(handed(3)));
  std::printf("filled %d\n", cosm::await(filled<std::vector<int>>(4)));
  std::printf("gathered %d\n",
              cosm::await(gathered<std::pair<int, int>>(1)));
  int arr[] = {7, 8};
  std::printf("second %d both %d\n", cosm::await(second(arr)),
              cosm::await(both(arr)));
}

int main() { cosm::run(amain()); }
