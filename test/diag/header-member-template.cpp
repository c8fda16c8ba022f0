// An out-of-line COSM_ASYNC member template of a class defined in a header
// is refused by name (other members of such a class lower:
// test/run/header-class.cpp), and nothing is written.
//
// RUN: not %cosm-lower %s -o %t.cpp -- -std=c++17 -I%S 2> %t.err
// RUN: FileCheck %s < %t.err
// RUN: not test -e %t.cpp

#include "Inputs/header-template.hpp"

template <class T>
// CHECK: header-member-template.cpp:[[@LINE+1]]:34: error: cosm-lower cannot lower an out-of-line COSM_ASYNC member template, a generic COSM_ASYNC lambda, or a generic lambda kept across a suspension, in a member of a class defined in another file yet
COSM_ASYNC cosm::Coro<T> Holder::hold(T v) {
  cosm::await(cosm::sleep(0));
  return v;
}
