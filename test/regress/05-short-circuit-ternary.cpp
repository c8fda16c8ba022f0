// Issue 4, named regression test 5: `if (p() && cosm::await(q()))` and
// `c ? cosm::await(a()) : b()`: the side C++ does not evaluate never runs and
// never suspends. A ticker task prints whenever the main task suspends, so a
// suspension that should not happen shows up in the output.
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: grep -v CHECK %t.cpp | FileCheck %s
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/05-short-circuit-ternary.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>

COSM_ASYNC cosm::Coro<void> ticker() {
  for (int i = 0; i < 40; ++i) {
    std::printf("  tick %d\n", i);
    cosm::await(cosm::sleep(0));
  }
}

bool p(bool v) {
  std::printf("p %d\n", v);
  return v;
}

COSM_ASYNC cosm::Coro<bool> q(bool v) {
  std::printf("q %d\n", v);
  cosm::await(cosm::sleep(0));
  return v;
}

COSM_ASYNC cosm::Coro<int> a(int v) {
  std::printf("a %d\n", v);
  cosm::await(cosm::sleep(0));
  return v;
}

int b(int v) {
  std::printf("b %d\n", v);
  return v;
}

// The right operand is evaluated (and awaited) only under the condition.
// CHECK-LABEL: struct main__frame
// CHECK: condition{{(_[0-9]+)?}} = static_cast<bool>(p(false));
// CHECK-NEXT: if (condition{{(_[0-9]+)?}}) {
COSM_ASYNC cosm::Coro<void> main_() {
  auto t = cosm::create_task(ticker());
  cosm::await(cosm::sleep(0));
  std::puts("-- && false");
  if (p(false) && cosm::await(q(true)))
    std::puts("yes");
  else
    std::puts("no");
  std::puts("-- && true");
  if (p(true) && cosm::await(q(true)))
    std::puts("yes");
  else
    std::puts("no");
  std::puts("-- || true");
  if (p(true) || cosm::await(q(false)))
    std::puts("yes");
  std::puts("-- || false");
  if (p(false) || cosm::await(q(false)))
    std::puts("yes");
  else
    std::puts("no");
  for (int c = 0; c < 2; ++c) {
    std::printf("-- ternary c=%d\n", c);
    int v = c ? cosm::await(a(10 + c)) : b(20 + c);
    std::printf("v %d\n", v);
    int w = c ? b(30 + c) : cosm::await(a(40 + c));
    std::printf("w %d\n", w);
  }
  std::puts("-- nested");
  bool r = p(true) && (p(false) || cosm::await(q(true))) && !cosm::await(q(false));
  std::printf("r %d\n", r);
  int n = 0;
  while (n < 3 && cosm::await(q(n != 2)))
    ++n;
  std::printf("n %d\n", n);
  std::puts("-- done");
  t.cancel();
}

int main() { cosm::run(main_()); }
