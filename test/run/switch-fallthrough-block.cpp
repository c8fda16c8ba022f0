// `[[fallthrough]];` as the last statement of a case's block holding an
// object alive across an await.
//
// Fails: F15 in test/fuzz/FINDINGS.md (the block's destruction code is emitted
// after the attribute, which then no longer precedes a case label).
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/switch-fallthrough-block.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>

struct Noisy {
  ~Noisy() { std::puts("~Noisy"); }
};

COSM_ASYNC cosm::Coro<int> f(int c) {
  int seen = 0;
  switch (c) {
  case 1: {
    Noisy one;
    cosm::await(cosm::sleep(0));
    seen += 1;
    [[fallthrough]];
  }
  case 2:
    seen += 100;
  }
  return seen;
}

COSM_ASYNC cosm::Coro<void> main_() {
  std::printf("%d\n", cosm::await(f(1)));
  std::printf("%d\n", cosm::await(f(2)));
}

int main() { cosm::run(main_()); }
