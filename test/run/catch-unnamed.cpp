// An await in a handler whose exception parameter has no name.
//
// Fails: F14 in test/fuzz/FINDINGS.md (the frame gets a member with no name).
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/catch-unnamed.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>
#include <stdexcept>
COSM_ASYNC cosm::Coro<void> main_() {
  try {
    throw std::runtime_error("x");
  } catch (const std::exception &) {
    cosm::await(cosm::sleep(0));
    std::puts("handled");
  }
}
int main() { cosm::run(main_()); }
