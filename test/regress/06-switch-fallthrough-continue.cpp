// Issue 4, named regression test 6: an await in a `switch` case that falls
// through to the next case (which awaits too); `continue` of an outer loop
// from inside a switch, after an await, with an object alive across it; a
// switch whose condition awaits.
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: grep -v CHECK %t.cpp | FileCheck %s
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/06-switch-fallthrough-continue.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>
#include <string>

struct Noisy {
  std::string n;
  explicit Noisy(std::string s) : n(std::move(s)) { std::printf("+%s\n", n.c_str()); }
  Noisy(const Noisy &) = delete;
  ~Noisy() { std::printf("-%s\n", n.c_str()); }
};

COSM_ASYNC cosm::Coro<int> step(const char *what, int n) {
  std::printf("%s %d\n", what, n);
  cosm::await(cosm::sleep(0));
  return n;
}

// CHECK-LABEL: struct run_frame
// CHECK: switch (i % 4) {
// CHECK: case 0:
// CHECK: {{\[\[}}fallthrough{{\]\]}};
// CHECK: case 1:
// The continue from case 2 first ends the guard of the loop body.
// CHECK: case 2:
// CHECK: std::destroy_at(&guard);
// CHECK-NEXT: continue;
COSM_ASYNC cosm::Coro<int> run() {
  int total = 0;
  for (int i = 0; i < 7; ++i) {
    Noisy guard("guard" + std::to_string(i));
    switch (i % 4) {
    case 0:
      total += cosm::await(step("case 0", i));
      [[fallthrough]];
    case 1:
      total += 10 * cosm::await(step("case 0 or 1", i));
      break;
    case 2:
      cosm::await(step("case 2, continue", i));
      continue;
    default:
      std::printf("default %d\n", i);
    }
    std::printf("after switch %d total %d\n", i, total);
  }
  return total;
}

COSM_ASYNC cosm::Coro<int> awaited_condition() {
  int seen = 0;
  int i = 0;
  while (i < 4) {
    ++i;
    switch (cosm::await(step("condition", i % 3))) {
    case 0:
      std::puts("zero");
      continue;
    case 1:
      {
        Noisy one("one" + std::to_string(i));
        cosm::await(step("in one", i));
        seen += 1;
      }
      // (A [[fallthrough]] as the last statement of the block itself: F15.)
      [[fallthrough]];
    case 2:
      seen += 100;
      break;
    }
    std::printf("end of iteration %d seen %d\n", i, seen);
  }
  return seen;
}

COSM_ASYNC cosm::Coro<void> main_() {
  std::printf("run -> %d\n", cosm::await(run()));
  std::printf("awaited_condition -> %d\n", cosm::await(awaited_condition()));
}

int main() { cosm::run(main_()); }
