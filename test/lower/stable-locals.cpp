// A frame never moves: pointers and references to its locals taken before a
// suspension still point at them after it. Locals that do not live across a
// suspension stay ordinary locals of resume().
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: grep -v CHECK %t.cpp | FileCheck %s
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/stable-locals.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>
#include <vector>

COSM_ASYNC cosm::Coro<void> bump(int *counter) {
  cosm::await(cosm::sleep(0));
  ++*counter;
}

// CHECK-LABEL: struct pointers_frame final : cosm::Frame<int> {
// CHECK-NEXT: int counter;
// CHECK-NEXT: int *p;
// CHECK-NEXT: int *r;
// CHECK-NEXT: union {
// CHECK-NEXT: std::vector<int> items;
// CHECK-NEXT: };
// CHECK-NEXT: int *first;
// CHECK-NOT: scratch
// CHECK: cosm::Step resume() override {
// CHECK: int scratch = 5;
COSM_ASYNC cosm::Coro<int> pointers() {
  {
    int scratch = 5; // never crosses a suspension: stays a local
    std::printf("scratch %d\n", scratch);
  }
  int counter = 0;
  int *p = &counter;
  int &r = counter;
  std::vector<int> items = {1, 2, 3};
  int *first = &items[0];
  cosm::await(bump(p));
  cosm::await(bump(&r));
  std::printf("counter %d via p %d via r %d\n", counter, *p, r);
  *first += 40;
  std::printf("items[0] %d\n", items[0]);
  return counter;
}

COSM_ASYNC cosm::Coro<void> main_() {
  int n = cosm::await(pointers());
  std::printf("returned %d\n", n);
}

int main() { cosm::run(main_()); }
