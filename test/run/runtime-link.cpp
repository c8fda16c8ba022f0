// A program built with the lit substitutions against the runtime's headers
// and library prints what the source says, in order.
//
// RUN: %cxx %cosm_cxxflags %s -o %t %cosm_ldflags
// RUN: %t | FileCheck %s

#include <cosm/frame.hpp>

#include <cstdio>

int main() {
  // CHECK: cosm runtime-link
  std::puts("cosm runtime-link");
  // CHECK-NEXT: step Done=0 Suspended=1
  std::printf("step Done=%d Suspended=%d\n", static_cast<int>(cosm::Step::Done),
              static_cast<int>(cosm::Step::Suspended));
}
