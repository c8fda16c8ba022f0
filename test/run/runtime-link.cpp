// A program built with the lit substitutions (%cxx, %cosm_cxxflags,
// %cosm_ldflags) against the runtime runs its callbacks in asyncio's order:
// call_soon callbacks in scheduling order, then due timers, each pass
// scheduling for the next.
//
// RUN: %cxx %cosm_cxxflags %s -o %t %cosm_ldflags
// RUN: %t | FileCheck %s

#include <cosm/cosm.hpp>

#include <cstdio>

int main() {
  cosm::Loop L;
  L.call_later(0.001, [&L] {
    std::puts("timer");
    L.stop();
  });
  L.call_soon([&L] {
    std::puts("soon 1");
    L.call_soon([] { std::puts("soon 3 (scheduled by soon 1)"); });
  });
  L.call_soon([] { std::puts("soon 2"); });
  L.run_forever();
  L.close();
  std::puts("closed");
}

// CHECK:      soon 1
// CHECK-NEXT: soon 2
// CHECK-NEXT: soon 3 (scheduled by soon 1)
// CHECK-NEXT: timer
// CHECK-NEXT: closed
