// Comments at the end of lines (after declarations of locals that cross awaits,
// after awaits) and after closing braces: each stays on its statement's line.
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: grep -v CHECK %t.cpp | FileCheck %s
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/trailing-comments.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>

COSM_ASYNC cosm::Coro<int> count(const char *who, int n) {
  int total = 0; // running total
  for (int i = 0; i < n; ++i) { // each round
    cosm::await(cosm::sleep(0)); // let the other task run
    total += i; /* block comment */
    std::printf("%s i %d total %d\n", who, i, total); // progress
  } // end for
  return total; // the answer
} // end count

// CHECK: total = 0; // running total
// CHECK: // let the other task run
// CHECK: total += i; /* block comment */
// CHECK: std::printf("%s i %d total %d\n", who, i, total); // progress
// CHECK: } // end for
// CHECK: // the answer

COSM_ASYNC cosm::Coro<void> main_() {
  cosm::Task<int> a = cosm::create_task(count("a", 2)); // first
  cosm::Task<int> b = cosm::create_task(count("b", 3)); // second
  int ra = cosm::await(a); // wait a
  int rb = cosm::await(b); // wait b
  std::printf("results %d %d\n", ra, rb);
}

int main() { cosm::run(main_()); }
