// The shape of goto in a function that suspends: labels stay; a jump back
// before a frame object's declaration ends the object first; a jump out of
// scopes ends their objects, newest first; a label spelled like a resume
// label gets a fresh name, and its gotos follow.
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: grep -v CHECK %t.cpp | FileCheck %s
// RUN: %cxx %cosm_cxxflags -c %t.cpp -o %t.o
// RUN: %clangxx %cosm_cxxflags -c %t.cpp -o %t.o

#include <cosm/cosm.hpp>
#include <string>

cosm::Coro<bool> attempt(int n);

// CHECK-LABEL: cosm::Step resume() override
COSM_ASYNC cosm::Coro<int> retry() {
  int n = 0;
  // CHECK: again:
  // CHECK-NEXT: ::new (&note) std::string("try");
again:
  std::string note = "try";
  if (!cosm::await(attempt(n))) {
    // CHECK: if (++n < 3) {
    // CHECK-NEXT: live.reset(0);
    // CHECK-NEXT: std::destroy_at(&note);
    // CHECK-NEXT: goto again;
    if (++n < 3)
      goto again;
  }
  {
    std::string inner = "inner";
    while (true) {
      std::string round = "round";
      if (cosm::await(attempt(-1)))
        // CHECK: std::destroy_at(&round);
        // CHECK-NEXT: live.reset(1);
        // CHECK-NEXT: std::destroy_at(&inner);
        // CHECK-NEXT: goto resume_1_user;
        goto resume_1;
    }
  }
  // CHECK: resume_1_user:
resume_1:
  return n;
}
