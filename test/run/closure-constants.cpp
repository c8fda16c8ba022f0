// A lambda kept across a suspension that reads a constant of the function
// without capturing it (C++ allows it: reading a constant's value is no
// odr-use). The lifted function object is outside the function, where the
// constant is not in scope: it declares the constant again, `static
// constexpr`, with its exact value (a literal keeps its spelling; a value
// computed from other constants is written out; a floating one in
// hexadecimal). In a function, a template, a lambda evaluated before a
// suspension in its expression, and a generic lambda. Two tasks interleave.
//
// RUN: %cosm-lower %s -o %t.cpp -- -std=c++17 -I%cosm_incdir
// RUN: grep -v CHECK %t.cpp | FileCheck %s
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/closure-constants.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>

COSM_ASYNC cosm::Coro<int> get(int v) {
  cosm::await(cosm::sleep(0));
  return v;
}

template <class F> int apply(F f, int v) { return f(v); }

// CHECK-LABEL: struct scale_closure {
// CHECK-NEXT: static constexpr int N = 3;
// CHECK-NEXT: static constexpr long M = 7ll;
// CHECK-NEXT: static constexpr double H = 0.25;
// CHECK-NEXT: static constexpr int Low = -4;
// CHECK-NEXT: static constexpr unsigned long long Big = 18446744073709551615ull;
// CHECK-NEXT: static constexpr double Third = 0x1.5555555555555p-2;
// CHECK-NEXT: auto operator()(int x) const {
// CHECK-LABEL: struct shout_closure {
// CHECK-NEXT: static constexpr bool Loud = true;
// CHECK-NEXT: static constexpr char Mark = '!';
// CHECK-NEXT: const char *tag;
COSM_ASYNC cosm::Coro<void> worker(const char *tag, int rounds) {
  const int N = 3;
  constexpr long M = N * 2 + 1;
  constexpr double H = 0.25;
  const bool Loud = true;
  const char Mark = '!';
  const int Low = -4;
  constexpr unsigned long long Big = ~0ull;
  constexpr double Third = 1.0 / 3;
  auto scale = [](int x) {
    return x * N + int(M) + int(H * 4) + Low + int(Big % 10) +
           (Third > 0.33 ? 1 : 0);
  };
  auto shout = [tag](int v) {
    if (Loud)
      std::printf("%s %d%c\n", tag, v, Mark);
  };
  for (int i = 0; i < rounds; ++i) {
    int v = cosm::await(get(i));
    shout(scale(v));
  }
  int r = apply([](int x) { return x * N; }, cosm::await(get(5)));
  shout(r);
}

// CHECK-LABEL: struct times_closure {
// CHECK-NEXT: static constexpr int K = 2;
template <class T> COSM_ASYNC cosm::Coro<T> twice(T seed) {
  const int K = 2;
  auto times = [](auto x) { return x * K; };
  T v = cosm::await(get(int(seed)));
  return times(v);
}

COSM_ASYNC cosm::Coro<void> amain() {
  cosm::Task<void> a = cosm::create_task(worker("a", 3));
  cosm::Task<void> b = cosm::create_task(worker("b", 2));
  cosm::await(a);
  cosm::await(b);
  std::printf("twice %ld\n", cosm::await(twice(21L)));
}

int main() { cosm::run(amain()); }
