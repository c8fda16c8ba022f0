// Statements a macro spells that need no lowering of their own (CHECK as
// `do { if (!(c)) throw ...; } while (0)`, an `if` without braces) are
// copied whole, in a function that suspends. Where a macro quotes its
// argument (`#x`) and the frame renamed a local it names (`state`, a name
// the frame's base uses), kept a reference as a pointer, or a const local
// as a non-const member, a block around the copy names each as the user
// did, so that the quoted text is the user's.
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: grep -v SHAPE %t.cpp | FileCheck %s --check-prefix=SHAPE
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/macro-statements.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>
#include <stdexcept>
#include <string>

#define CHECK(cond)                                                            \
  do {                                                                         \
    if (!(cond))                                                               \
      throw std::logic_error(#cond);                                           \
  } while (0)
#define ENSURE(cond)                                                           \
  if (!(cond))                                                                 \
  std::printf("ensure failed: %s\n", #cond)
#define SHOW(x) std::printf("%s = %d\n", #x, static_cast<int>(x))

COSM_ASYNC cosm::Coro<int> num(int v) {
  cosm::await(cosm::sleep(0));
  return v;
}

// SHAPE-LABEL: struct checks_frame
// SHAPE: auto &state = this->state_2;
// SHAPE-NEXT: ENSURE(state > 5);
COSM_ASYNC cosm::Coro<void> checks() {
  int state = cosm::await(num(3));
  int &ref = state;
  const std::string name = "box";
  CHECK(ref < 10);
  ENSURE(state > 5);
  SHOW(name.size());
  cosm::await(cosm::sleep(0));
  try {
    CHECK(state > 5);
  } catch (const std::logic_error &e) {
    std::printf("caught %s\n", e.what());
  }
  SHOW(state + ref);
  ref = 7;
  SHOW(state);
}

int main() { cosm::run(checks()); }
