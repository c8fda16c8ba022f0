// A lambda kept across a suspension that reads a constant of the function
// without capturing it is lifted with the constant declared again, static
// (test/run/closure-constants.cpp); in a member of a class defined in a
// header the frame is a local class, which cannot declare a static member:
// refused by name, and nothing is written.
//
// RUN: not %cosm-lower %s -o %t.cpp -- -std=c++17 -I%S 2> %t.err
// RUN: FileCheck %s < %t.err
// RUN: not test -e %t.cpp

#include "Inputs/header-counter.hpp"

COSM_ASYNC cosm::Coro<int> Counter::scaled() {
  const int N = 3;
  // CHECK: header-member-constant.cpp:[[@LINE+1]]:16: error: cosm-lower cannot lower a lambda stored in a local that lives across a suspension and uses 'N' of the function around it without capturing it yet
  auto scale = [](int x) { return x * N; };
  cosm::await(cosm::sleep(0));
  return scale(base);
}
