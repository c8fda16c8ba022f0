// Declarations and names as people write them, in functions that suspend:
// a member named through its class (`Base::name()`, `Derived::x`, in a class
// template too) is the object's, `self->Base::name()`; a local declared
// `alignas(64)` stays aligned in the frame; class template arguments
// deduced from the initialiser (`std::vector v{1, 2, 3}`, `std::pair p(1,
// 2.5)`, `std::function f = lambda`) are the frame member's; a constant
// only an array's bound uses draws no warning; a COSM_ASYNC lambda written
// in a macro keeps no empty attribute. Each of these lowered to code that
// did not compile, warned, or (alignas) printed something else. Lowered,
// the program prints what the same source prints as ordinary C++ (the
// plain build: awaits and run removed).
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: grep -v CHECK %t.cpp | FileCheck %s
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: sed -e 's/cosm::await(/(/g' -e 's/cosm::run(/(/g' %s > %t.plain.cpp
// RUN: %cxx -std=c++17 -w -I%S/Inputs/plain %t.plain.cpp -o %t.plain
// RUN: %t.plain > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdint>
#include <cstdio>
#include <functional>
#include <utility>
#include <vector>

struct Base {
  virtual ~Base() = default;
  int x = 1;
  virtual int name() const { return 1; }
  static int fixed() { return 5; }
};

// CHECK-LABEL: struct Derived
// CHECK: self->Base::name() * 100 + self->Derived::name() * 10 +
struct Derived : Base {
  int x = 2;
  int name() const override { return 2; }
  COSM_ASYNC cosm::Coro<int> run() {
    cosm::await(cosm::sleep(0));
    return Base::name() * 100 + Derived::name() * 10 + Base::x + Derived::x +
           Base::fixed();
  }
};

template <class T> struct Counter {
  T count{3};
  T get() const { return count; }
};
template <class T> struct Twice : Counter<T> {
  COSM_ASYNC cosm::Coro<T> run() {
    cosm::await(cosm::sleep(0));
    return Counter<T>::get() + Counter<T>::count;
  }
};

#define ASYNC_DOUBLE(v)                                                        \
  [v] COSM_ASYNC() -> cosm::Coro<int> {                                        \
    cosm::await(cosm::sleep(0));                                               \
    return v * 2;                                                              \
  }

// CHECK-LABEL: struct amain_frame
// CHECK: alignas(64) int aligned;
// CHECK: std::vector<int> v;
// CHECK: std::pair<int, double> p;
// CHECK-NOT: {{\[\[\]\]}}
COSM_ASYNC cosm::Coro<void> amain() {
  char c = 'x';
  alignas(64) int aligned = 3;
  std::vector v{1, 2, 3};
  std::pair p(1, 2.5);
  std::function f = [](int k) { return k + 1; };
  const int n = 3;
  int bounded[n] = {4, 5, 6};
  cosm::await(cosm::sleep(0));
  std::printf("%c %d %d\n", c, aligned,
              int(reinterpret_cast<std::uintptr_t>(&aligned) % 64));
  std::printf("%zu %d %g %d %d\n", v.size(), p.first, p.second, f(1),
              bounded[2]);
  Derived d;
  std::printf("derived %d\n", cosm::await(d.run()));
  Twice<int> t;
  std::printf("twice %d\n", cosm::await(t.run()));
  int q = 4;
  std::printf("macro %d\n", cosm::await(ASYNC_DOUBLE(q)()));
}

int main() { cosm::run(amain()); }
