// Awaits in switch cases, a case that falls through into the next, and
// `continue` of the enclosing loop from inside the switch.
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: grep -v CHECK %t.cpp | FileCheck %s
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/switch.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>

COSM_ASYNC cosm::Coro<int> step(const char *what, int n) {
  std::printf("%s %d\n", what, n);
  cosm::await(cosm::sleep(0));
  return n * 10;
}

// The user's switch stays a switch; the resume points inside it are labels
// the dispatch jumps to.
// CHECK-LABEL: struct classify_frame
// CHECK: switch (state) {
// CHECK: switch (i % 4) {
// CHECK: case 0:
// CHECK: resume_1:
// CHECK: {{\[\[}}fallthrough{{\]\]}};
// CHECK: case 1:
// CHECK: continue;
COSM_ASYNC cosm::Coro<int> classify() {
  int total = 0;
  for (int i = 0; i < 6; ++i) {
    switch (i % 4) {
    case 0:
      total += cosm::await(step("zero", i));
      [[fallthrough]];
    case 1:
      total += cosm::await(step("zero-or-one", i));
      break;
    case 2:
      std::printf("two %d: skip the rest\n", i);
      continue;
    default:
      cosm::await(step("other", i));
    }
    std::printf("after switch %d total %d\n", i, total);
  }
  return total;
}

COSM_ASYNC cosm::Coro<void> main_() {
  int total = cosm::await(classify());
  std::printf("total %d\n", total);
}

int main() { cosm::run(main_()); }
