// A COSM_ASYNC function that awaits itself, with no declaration before its
// definition (Python: a recursive coroutine).
//
// Fails: F1 in test/fuzz/FINDINGS.md (the frame is emitted before the
// function is declared).
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/recursion.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>
COSM_ASYNC cosm::Coro<int> fact(int n) {
  if (n <= 1)
    return 1;
  return n * cosm::await(fact(n - 1));
}
COSM_ASYNC cosm::Coro<void> main_() { std::printf("%d\n", cosm::await(fact(5))); }
int main() { cosm::run(main_()); }
