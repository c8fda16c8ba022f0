// Awaits inside printf arguments, arithmetic, && / || (short-circuit), ?:,
// loop conditions, a switch condition and a case body with fallthrough, and an
// await nested in another await's argument.
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/await-in-expressions.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>

COSM_ASYNC cosm::Coro<int> val(const char *tag, int v) {
  std::printf("val %s %d\n", tag, v);
  cosm::await(cosm::sleep(0));
  return v;
}

COSM_ASYNC cosm::Coro<bool> pred(const char *tag, bool b) {
  std::printf("pred %s %d\n", tag, (int)b);
  cosm::await(cosm::sleep(0));
  return b;
}

COSM_ASYNC cosm::Coro<void> main_() {
  std::printf("sum %d\n", cosm::await(val("a", 1)) + cosm::await(val("b", 2)));
  int x = cosm::await(val("c", 3)) * 10 + cosm::await(val("d", 4)) - 1;
  std::printf("x %d\n", x);
  if (cosm::await(pred("p1", false)) && cosm::await(pred("p2", true)))
    std::puts("and1 true");
  else
    std::puts("and1 false");
  if (cosm::await(pred("p3", true)) && cosm::await(pred("p4", true)))
    std::puts("and2 true");
  if (cosm::await(pred("p5", true)) || cosm::await(pred("p6", false)))
    std::puts("or1 true");
  if (cosm::await(pred("p7", false)) || cosm::await(pred("p8", false)))
    std::puts("or2 true");
  else
    std::puts("or2 false");
  int t = cosm::await(pred("q", x > 30)) ? cosm::await(val("yes", 1)) : cosm::await(val("no", 0));
  std::printf("t %d\n", t);
  int u = x > 100 ? cosm::await(val("big", 2)) : 5;
  std::printf("u %d\n", u);
  bool b = cosm::await(pred("r1", true)) && (cosm::await(pred("r2", false)) || cosm::await(pred("r3", true)));
  std::printf("b %d\n", (int)b);
  int w = 0;
  while (cosm::await(val("w", w)) < 3)
    ++w;
  std::printf("w %d\n", w);
  for (int i = 0; i < cosm::await(val("lim", 2)); ++i)
    std::printf("i %d\n", i);
  switch (cosm::await(val("sw", 2))) {
  case 1:
    std::puts("one");
    break;
  case 2:
    std::puts("two");
    cosm::await(val("in-case", 22));
    [[fallthrough]];
  case 3:
    std::puts("three");
    break;
  default:
    std::puts("default");
  }
  std::printf("nested %d\n", cosm::await(val("outer", cosm::await(val("inner", 5)) + 1)));
}

int main() { cosm::run(main_()); }
