// Issue 12, defect 1: objects held in the frame and ordinary locals of
// resume() nested in each other, three levels deep, are destroyed in exact
// reverse order of construction on every exit path: continue, break,
// return, throw, falling off the end, cancellation at an await, and a task
// still suspended when cosm::run cancels it. The Python twin nests `with`
// blocks the same way.
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: grep -v CHECK %t.cpp | FileCheck %s
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/11-exit-order-mixed.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>
#include <stdexcept>
#include <string>

struct G {
  std::string n;
  explicit G(std::string s) : n(std::move(s)) { std::printf("+%s\n", n.c_str()); }
  G(const G &) = delete;
  ~G() { std::printf("-%s\n", n.c_str()); }
};

// l1 lives across the await; l2 and l3 do not, but they are nested in l1,
// so they move into the frame too and every exit destroys l3, l2, l1.
// CHECK-LABEL: struct loops_frame
// CHECK: G l2;
// CHECK: if (mode == 0 && i == 0) {
// CHECK-NEXT: live.reset([[L3:[0-9]+]]);
// CHECK-NEXT: std::destroy_at(&l3);
// CHECK-NEXT: live.reset([[L2:[0-9]+]]);
// CHECK-NEXT: std::destroy_at(&l2);
// CHECK-NEXT: live.reset([[L1:[0-9]+]]);
// CHECK-NEXT: std::destroy_at(&l1);
// CHECK-NEXT: continue;
COSM_ASYNC cosm::Coro<int> loops(int mode) {
  int n = 0;
  for (int i = 0; i < 3; ++i) {
    G l1("l1." + std::to_string(i));
    cosm::await(cosm::sleep(0));
    {
      G l2("l2." + std::to_string(i));
      {
        G l3("l3." + std::to_string(i));
        if (mode == 0 && i == 0)
          continue;
        if (mode == 1 && i == 1)
          break;
        if (mode == 2 && i == 1)
          return -1;
        if (mode == 3 && i == 1)
          throw std::runtime_error("boom");
      }
      ++n;
    }
  }
  return n;
}

// Frame, frame, stack, then a stack-born local after the await in the
// middle scope.
COSM_ASYNC cosm::Coro<void> mixed(int mode) {
  G a("a");
  {
    G b("b");
    cosm::await(cosm::sleep(0));
    {
      G c("c");
      if (mode == 0)
        return;
      if (mode == 1)
        throw std::runtime_error("mixed");
    }
    G d("d");
    if (mode == 2)
      return;
  }
  G e("e");
}

// Cancelled while waiting in the innermost of three frame-held scopes.
COSM_ASYNC cosm::Coro<void> parked(const char *tag) {
  G x(std::string(tag) + ".x");
  cosm::await(cosm::sleep(0));
  {
    G y(std::string(tag) + ".y");
    {
      G z(std::string(tag) + ".z");
      cosm::await(cosm::sleep(10));
    }
  }
}

COSM_ASYNC cosm::Coro<void> main_() {
  for (int mode = 0; mode < 4; ++mode) {
    std::printf("loops(%d)\n", mode);
    try {
      std::printf("-> %d\n", cosm::await(loops(mode)));
    } catch (const std::runtime_error &e) {
      std::printf("caught %s\n", e.what());
    }
  }
  for (int mode = 0; mode < 4; ++mode) {
    std::printf("mixed(%d)\n", mode);
    try {
      cosm::await(mixed(mode));
    } catch (const std::runtime_error &e) {
      std::printf("caught %s\n", e.what());
    }
  }
  auto t = cosm::create_task(parked("cancelled"));
  cosm::await(cosm::sleep(0));
  cosm::await(cosm::sleep(0));
  t.cancel();
  try {
    cosm::await(t);
  } catch (const cosm::CancelledError &) {
    std::puts("cancelled");
  }
  // Left suspended: cosm::run cancels it when main_ returns.
  auto left = cosm::create_task(parked("left"));
  cosm::await(cosm::sleep(0));
  cosm::await(cosm::sleep(0));
  std::puts("main done");
}

int main() { cosm::run(main_()); }
