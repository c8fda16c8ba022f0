// Issue 4, named regression test 1: `break` and `continue` out of two nested
// blocks, each holding an RAII object alive across an await: both destructors
// run, inner first, exactly once (a ticker task shows that the awaits really
// suspend).
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: grep -v CHECK %t.cpp | FileCheck %s
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/01-break-continue-nested-raii.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>
#include <string>

struct Noisy {
  std::string n;
  explicit Noisy(std::string s) : n(std::move(s)) { std::printf("+%s\n", n.c_str()); }
  Noisy(const Noisy &) = delete;
  ~Noisy() { std::printf("-%s\n", n.c_str()); }
};

COSM_ASYNC cosm::Coro<void> ticker(int n) {
  for (int i = 0; i < n; ++i) {
    std::printf("tick %d\n", i);
    cosm::await(cosm::sleep(0));
  }
}

// CHECK-LABEL: struct for_loop_frame
// The continue leaves both blocks: inner object first, then outer.
// CHECK: if (i == 1) {
// CHECK-NEXT: live.reset([[IN:[0-9]+]]);
// CHECK-NEXT: std::destroy_at(&inner);
// CHECK-NEXT: live.reset([[OUT:[0-9]+]]);
// CHECK-NEXT: std::destroy_at(&outer);
// CHECK-NEXT: continue;
// CHECK: if (i == 2) {
// CHECK-NEXT: live.reset([[IN]]);
// CHECK-NEXT: std::destroy_at(&inner);
// CHECK-NEXT: live.reset([[OUT]]);
// CHECK-NEXT: std::destroy_at(&outer);
// CHECK-NEXT: break;
COSM_ASYNC cosm::Coro<int> for_loop() {
  int done = 0;
  for (int i = 0; i < 5; ++i) {
    {
      Noisy outer("outer" + std::to_string(i));
      cosm::await(cosm::sleep(0));
      {
        Noisy inner("inner" + std::to_string(i));
        cosm::await(cosm::sleep(0));
        if (i == 1)
          continue;
        if (i == 2)
          break;
        std::printf("inner end %d\n", i);
      }
      std::printf("outer end %d\n", i);
    }
    ++done;
  }
  return done;
}

// The same in a while loop, with the await after the jump's condition and
// the objects built before it.
COSM_ASYNC cosm::Coro<int> while_loop() {
  int i = 0, done = 0;
  while (true) {
    ++i;
    {
      Noisy outer("w-outer" + std::to_string(i));
      {
        Noisy inner("w-inner" + std::to_string(i));
        cosm::await(cosm::sleep(0));
        if (i < 3)
          continue;
        std::printf("w breaking at %d\n", i);
        break;
      }
    }
    ++done; // never reached
  }
  return done;
}

COSM_ASYNC cosm::Coro<void> main_() {
  auto t = cosm::create_task(ticker(20));
  std::printf("for_loop -> %d\n", cosm::await(for_loop()));
  std::printf("while_loop -> %d\n", cosm::await(while_loop()));
  t.cancel();
  std::puts("end");
}

int main() { cosm::run(main_()); }
