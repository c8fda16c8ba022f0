// A COSM_ASYNC function defined in an included header is refused at its
// definition (it was skipped, and the output did not compile); one declared
// in the header and defined here lowers.
//
// RUN: not %cosm-lower %s -o %t.cpp 2> %t.err
// RUN: FileCheck %s < %t.err
// RUN: not test -e %t.cpp

#include "Inputs/header-definition.hpp"

// CHECK: header-definition.hpp:7:35: error: cosm-lower cannot lower a COSM_ASYNC function defined in an included file (cosm-lower rewrites only the source it is given: define the function in a source file, declare it in the header) yet

COSM_ASYNC cosm::Coro<int> util::twice(int x) {
  cosm::await(cosm::sleep(0));
  return 2 * x;
}
