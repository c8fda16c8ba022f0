// Issue 4, named regression test 4: operands evaluated before a suspension
// are saved. `x = a * cosm::await(f())` uses the value `a` had before the
// suspension although another task changes it meanwhile; `x += cosm::await(g())`
// (C++17: the right operand is sequenced before the left, so x is read after
// g finished, and g changes it); `h(k(), cosm::await(m()))` calls k and then
// m, once each (cosm's order for unsequenced arguments: left to right).
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: grep -v CHECK %t.cpp | FileCheck %s
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/04-operands-saved.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>

COSM_ASYNC cosm::Coro<void> changer(int *target, int value) {
  std::printf("changer sets %d\n", value);
  *target = value;
  cosm::await(cosm::sleep(0));
}

COSM_ASYNC cosm::Coro<int> f() {
  std::puts("f");
  cosm::await(cosm::sleep(0));
  cosm::await(cosm::sleep(0));
  return 3;
}

COSM_ASYNC cosm::Coro<int> g(int *x) {
  std::puts("g");
  cosm::await(cosm::sleep(0));
  *x = 1000;
  return 4;
}

int k() {
  std::puts("k");
  return 1;
}

COSM_ASYNC cosm::Coro<int> m() {
  std::puts("m");
  cosm::await(cosm::sleep(0));
  return 2;
}

int h(int u, int v) {
  std::printf("h(%d, %d)\n", u, v);
  return u * 10 + v;
}

struct Acc {
  int total = 0;
  Acc &add(int v) {
    std::printf("add %d\n", v);
    total += v;
    return *this;
  }
};

// CHECK-LABEL: struct main__frame
// CHECK: [[A:saved(_[0-9]+)?]] = a;
// CHECK: x = [[A]] * child{{(_[0-9]+)?}}.take_result();
// CHECK: x += child{{(_[0-9]+)?}}.take_result();
// CHECK: [[K:saved(_[0-9]+)?]] = k();
// CHECK: h([[K]], child{{(_[0-9]+)?}}.take_result())
// CHECK: [[ACC:saved(_[0-9]+)?]] = std::addressof(acc.add(k()));
// CHECK: (*[[ACC]]).add(child{{(_[0-9]+)?}}.take_result())
COSM_ASYNC cosm::Coro<void> main_() {
  int a = 2;
  auto t = cosm::create_task(changer(&a, 50));
  int x = 0;
  x = a * cosm::await(f());
  std::printf("x %d a %d\n", x, a);
  x += cosm::await(g(&x));
  std::printf("x %d\n", x);
  std::printf("h -> %d\n", h(k(), cosm::await(m())));
  // Member calls: the object expression is evaluated before the argument.
  Acc acc;
  acc.add(k()).add(cosm::await(m())).add(cosm::await(f()));
  std::printf("acc %d\n", acc.total);
  cosm::await(t);
}

int main() { cosm::run(main_()); }
