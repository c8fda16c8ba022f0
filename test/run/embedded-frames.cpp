// Awaiting a coroutine whose frame is defined above the awaiting function
// builds that frame inside the awaiting frame (its child slot): no
// allocation. Coroutines defined below (or recursive ones), and the
// runtime's own, get a heap frame. operator new counts the allocations.
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: grep -v CHECK %t.cpp | FileCheck --check-prefix=CODE %s
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// Heap frames are counted with the runtime's free lists off (cosm/pool.hpp):
// with them on, a freed heap frame's block serves the next one, and only
// the first of a size class reaches operator new.
// RUN: env COSM_NO_POOL=1 %t.gcc | FileCheck %s
// RUN: env COSM_NO_POOL=1 %t.clang | FileCheck %s

#include <cosm/cosm.hpp>
#include <cstdio>
#include <cstdlib>
#include <new>
#include <string>

static long Allocations = 0;

void *operator new(std::size_t Size) {
  ++Allocations;
  if (void *P = std::malloc(Size ? Size : 1))
    return P;
  throw std::bad_alloc();
}
void operator delete(void *P) noexcept { std::free(P); }
void operator delete(void *P, std::size_t) noexcept { std::free(P); }

COSM_ASYNC cosm::Coro<int> add(int a, const int &b) { return a + b; }

COSM_ASYNC cosm::Coro<std::string> add_later(std::string a, int b) {
  cosm::await(cosm::sleep(0));
  return a + std::to_string(b);
}

COSM_ASYNC cosm::Coro<int> below(int n);

// Recursion: a frame cannot contain itself; the outer call is embedded in
// main_coro's frame, the inner ones are on the heap.
COSM_ASYNC cosm::Coro<int> depth(int n) {
  if (n == 0)
    return 0;
  return cosm::await(depth(n - 1)) + 1;
}

COSM_ASYNC cosm::Coro<void> main_coro() {
  long before = Allocations;
  int sum = 0;
  for (int i = 0; i < 1000; ++i)
    sum += cosm::await(add(i, 1));
  std::printf("sum %d, allocations %ld\n", sum, Allocations - before);

  std::string text = cosm::await(add_later("x = ", 42));
  std::printf("%s\n", text.c_str());

  before = Allocations;
  for (int i = 0; i < 10; ++i)
    sum += cosm::await(below(i));
  std::printf("sum %d, allocations %ld\n", sum, Allocations - before);

  before = Allocations;
  int d = cosm::await(depth(3));
  std::printf("depth %d, allocations %ld\n", d, Allocations - before);
}
// CHECK: sum 500500, allocations 0
// CHECK-NEXT: x = 42
// CHECK-NEXT: sum 500545, allocations 10
// CHECK-NEXT: depth 3, allocations 3

COSM_ASYNC cosm::Coro<int> below(int n) { return n; }

// The frame types exist in the lowered file only (COSM_LOWERING is defined
// while cosm-lower reads this one); their sizes are compile-time constants,
// and a frame includes its child slot.
#ifndef COSM_LOWERING
static_assert(sizeof(main_coro_frame) >=
              sizeof(add_later_frame) + sizeof(cosm::Frame<void>));
static_assert(sizeof(add_frame) <= 64);
#endif

int main() { cosm::run(main_coro()); }

// CODE-LABEL: struct depth_frame final
// CODE: child = depth(n - 1);

// One slot for the three frames; the heap for below() and cosm::sleep().
// CODE-LABEL: struct main_coro_frame final
// CODE: cosm::ChildSlot<add_frame, add_later_frame, depth_frame> child_frame;
// CODE: // await add(i, 1): a coroutine of this file. Its frame is built inside
// CODE-NEXT: // this one (no allocation)
// CODE: child =
// CODE-NEXT: cosm::Coro<int>::embedded(::new (&child_frame) add_frame(i, temp));
// CODE: child_2 = cosm::Coro<{{.*}}>::embedded(
// CODE-NEXT: ::new (&child_frame) add_later_frame("x = ", 42));
// CODE: // await below(i): a coroutine. It runs inline
// CODE: child_3 = below(i_2);
