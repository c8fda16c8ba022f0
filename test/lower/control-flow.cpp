// Awaits in if/else branches, in while, for and do bodies; break, continue
// and early return from inside nested loops.
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: grep -v CHECK %t.cpp | FileCheck %s
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/control-flow.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>

COSM_ASYNC cosm::Coro<int> tick(const char *who, int n) {
  std::printf("%s %d\n", who, n);
  cosm::await(cosm::sleep(0));
  return n;
}

// CHECK-LABEL: struct branches_frame
// CHECK: if (n % 2 == 0) {
// CHECK: } else {
COSM_ASYNC cosm::Coro<void> branches(int n) {
  if (n % 2 == 0) {
    cosm::await(tick("even", n));
  } else if (n % 3 == 0) {
    cosm::await(tick("three", n));
  } else {
    cosm::await(tick("odd", n));
  }
}

// CHECK-LABEL: struct loops_frame
// CHECK: while (i < 3) {
// CHECK: do {
// CHECK: } while (k < 2);
COSM_ASYNC cosm::Coro<int> loops() {
  int i = 0;
  while (i < 3) {
    cosm::await(tick("while", i));
    ++i;
  }
  for (int j = 0; j < 5; ++j) {
    if (j == 1)
      continue;
    if (j == 3)
      break;
    cosm::await(tick("for", j));
  }
  int k = 0;
  do {
    cosm::await(tick("do", k));
    ++k;
  } while (k < 2);
  for (int outer = 0; outer < 3; ++outer) {
    for (int inner = 0; inner < 3; ++inner) {
      int got = cosm::await(tick("nested", outer * 10 + inner));
      if (got == 11)
        return got;
      if (inner == 1)
        break;
    }
  }
  return -1;
}

COSM_ASYNC cosm::Coro<void> other() {
  for (int i = 0; i < 4; ++i)
    cosm::await(tick("other", i));
}

COSM_ASYNC cosm::Coro<void> main_() {
  cosm::Task<void> t = cosm::create_task(other());
  for (int n = 1; n <= 4; ++n)
    cosm::await(branches(n));
  int r = cosm::await(loops());
  std::printf("loops returned %d\n", r);
  cosm::await(t);
}

int main() { cosm::run(main_()); }
