// Result types that name what the frame's base class cannot see: a
// parameter (`decltype(a + b)`), a lambda's parameter and capture, a generic
// lambda in a variadic template (its `auto` parameter goes before the pack);
// and a call of an overloaded function template with an await in its first
// argument (its name needs no saving across the suspension).
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/result-types.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <algorithm>
#include <cstdio>

COSM_ASYNC cosm::Coro<int> twice(int x) {
  cosm::await(cosm::sleep(0));
  return 2 * x;
}

template <class A, class B>
COSM_ASYNC auto add(A a, B b) -> cosm::Coro<decltype(a + b)> {
  cosm::await(cosm::sleep(0));
  return a + b;
}

template <class T> COSM_ASYNC cosm::Coro<T> scaled(T k) {
  auto times = [k] COSM_ASYNC (auto x) -> cosm::Coro<decltype(x * k)> {
    cosm::await(cosm::sleep(0));
    return x * k;
  };
  T a = cosm::await(times(3));
  double b = cosm::await(times(0.5));
  std::printf("scaled %d %.2f\n", int(a), b);
  return a;
}

template <class... Ts> COSM_ASYNC cosm::Coro<int> count(Ts... ts) {
  auto one = [&] COSM_ASYNC (auto x) -> cosm::Coro<int> {
    int got = cosm::await(twice(x));
    return got + int(sizeof...(Ts));
  };
  int first = cosm::await(one(1));
  int second = cosm::await(one(2));
  std::printf("count %d %d (%d args)\n", first, second, int(sizeof...(ts)));
  return first + second;
}

template <class T> COSM_ASYNC cosm::Coro<T> bigger(T t) {
  return std::max(cosm::await(twice(t)), t + 3);
}

COSM_ASYNC cosm::Coro<void> amain() {
  std::printf("add %.1f\n", cosm::await(add(1, 2.5)));
  std::printf("scaled -> %d\n", cosm::await(scaled(4)));
  std::printf("count -> %d\n", cosm::await(count(1, 'c', 2.0)));
  std::printf("bigger %d %d\n", cosm::await(bigger(1)), cosm::await(bigger(10)));
}

int main() { cosm::run(amain()); }
