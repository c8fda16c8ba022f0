// A macro of the program whose text names the place it is used in
// (`__func__`, `__LINE__`, as LOG macros do) prints, lowered,
// what it prints in the source: the function's name and the invocation's
// line, not resume()'s and the output's (without --line-directives). Such an
// invocation is expanded in place. Lowered, the program prints what the
// same source prints as ordinary C++ (the plain build: awaits and run
// removed).
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: grep -v LOWERED %t.cpp | FileCheck --check-prefix=LOWERED %s
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: sed -e 's/cosm::await(/(/g' -e 's/cosm::run(/(/g' %s > %t.plain.cpp
// RUN: %cxx -std=c++17 -w -I%S/Inputs/plain %t.plain.cpp -o %t.plain
// RUN: %t.plain > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -
//
// The invocations in async functions are expanded, the others not.
// LOWERED: void plain() { WHERE(); }
// LOWERED: std::printf("%s line %d\n", "child", [[#]]); /* expanded: WHERE() */
// LOWERED: std::printf("%s line %d\n", "bump", [[#]]); /* expanded: WHERE() */

#undef NDEBUG
#include <cassert>
#include <cosm/cosm.hpp>
#include <cstdio>

#define WHERE() std::printf("%s line %d\n", __func__, __LINE__)
#define LOG(what) (WHERE(), std::printf("  %s\n", what))
#define AWAIT_AT(x) (std::printf("line %d\n", __LINE__), cosm::await(x))

void plain() { WHERE(); }

COSM_ASYNC cosm::Coro<int> twice(int x) { return 2 * x; }

COSM_ASYNC cosm::Coro<int> child(int x) {
  WHERE();
  cosm::await(cosm::sleep(0));
  LOG("after the sleep");
  assert(x == 3 && "child takes 3");
  int y = AWAIT_AT(twice(x)), z = __LINE__;
  std::printf("%d %d\n", y, z);
  return x;
}

struct Counter {
  int n = 0;
  COSM_ASYNC cosm::Coro<void> bump() {
    cosm::await(cosm::sleep(0));
    WHERE();
    ++n;
  }
};

COSM_ASYNC cosm::Coro<void> amain() {
  plain();
  int v = cosm::await(child(3));
  Counter c;
  cosm::await(c.bump());
  auto inner = [] COSM_ASYNC(int k) -> cosm::Coro<int> {
    cosm::await(cosm::sleep(0));
    WHERE();
    return k + 1;
  };
  int w = cosm::await(inner(v));
  std::printf("%d %d %d\n", v, c.n, w);
  LOG("done");
}

int main() { cosm::run(amain()); }
