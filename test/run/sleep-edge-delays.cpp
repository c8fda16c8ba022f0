// Edge delays of an awaited cosm::sleep, in the frame's SleepAwaiter, as
// asyncio.sleep takes them: 0 and -inf are bare yields; NaN is not <= 0, so
// it arms a timer whose deadline is due at once (asyncio's `when >= end`
// is false for NaN) and wakes a pass after the yields; 1e-9 likewise; 1e300
// waits (the poll timeout is capped) until a cancel with a message lands.
//
// RUN: %cosm-lower %s -o %t.cpp -- -std=c++17 -I%cosm_incdir
// RUN: grep -v SHAPE %t.cpp | FileCheck %s --check-prefix=SHAPE
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/sleep-edge-delays.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

// SHAPE: {{^}}struct napper_frame final
// SHAPE: sleep_2.start(d);
// SHAPE-NOT: = cosm::sleep(

#include <cosm/cosm.hpp>
#include <cmath>
#include <cstdio>
#include <limits>

COSM_ASYNC cosm::Coro<void> napper(const char *tag, double d) {
  std::printf("%s start\n", tag);
  cosm::await(cosm::sleep(d));
  std::printf("%s woke\n", tag);
}

COSM_ASYNC cosm::Coro<void> forever() {
  try {
    cosm::await(cosm::sleep(1e300));
    std::puts("forever woke");
  } catch (const cosm::CancelledError &e) {
    std::printf("forever cancelled: '%s'\n", e.what());
    throw;
  }
}

COSM_ASYNC cosm::Coro<void> amain() {
  double nan = std::numeric_limits<double>::quiet_NaN();
  double inf = std::numeric_limits<double>::infinity();
  auto a = cosm::create_task(napper("nan", nan));
  auto b = cosm::create_task(napper("zero", 0));
  auto c = cosm::create_task(napper("neg-inf", -inf));
  auto d = cosm::create_task(napper("tiny", 1e-9));
  auto f = cosm::create_task(forever());
  for (int i = 0; i < 4; ++i) {
    std::printf("main pass %d\n", i);
    cosm::await(cosm::sleep(0));
  }
  cosm::await(a);
  cosm::await(b);
  cosm::await(c);
  cosm::await(d);
  f.cancel("enough");
  try {
    cosm::await(f);
  } catch (const cosm::CancelledError &) {
    std::puts("main saw forever cancelled");
  }
}

int main() { cosm::run(amain()); }
