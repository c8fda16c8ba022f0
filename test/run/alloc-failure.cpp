// Allocation failure while creating a frame or a task surfaces as
// std::bad_alloc at the call site, and nothing leaks. operator new is
// replaced by one that fails the N-th allocation; the program runs once for
// every N up to the first run that needs no failure, and after each run
// checks that every allocation was freed again.
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %t.gcc 2>&1 | FileCheck %s --implicit-check-not=leak
// RUN: %t.clang 2>&1 | FileCheck %s --implicit-check-not=leak
// RUN: env COSM_NO_POOL=1 %t.gcc 2>&1 | FileCheck %s --check-prefixes=CHECK,NOPOOL --implicit-check-not=leak
//
// While the loop runs, frames and tasks come from per-thread free lists
// (cosm/pool.hpp): leaf(8)'s frame reuses the block leaf(7)'s freed, so no
// allocation at its call site can fail. With the lists off every frame is
// an allocation of its own, and that site fails too.
// The first allocations are run()'s own (its loop, the main task): they fail
// out of run() itself, and the coroutine object never awaited says so on
// stderr, as CPython's RuntimeWarning does.
// CHECK: coroutine 'body' was never awaited
// CHECK: fail #1: bad_alloc out of run()
// Failures at the call sites inside the coroutine are caught there:
// CHECK-DAG: bad_alloc at the call site of create_task()
// NOPOOL-DAG: bad_alloc at the call site of leaf()
// CHECK: no failure: task 7 done, leaf 8
// CHECK: {{[0-9]+}} failure points, no leak

#include <cosm/cosm.hpp>
#include <cstdio>
#include <cstdlib>
#include <new>

static long Live = 0;     // blocks allocated and not yet freed
static long Count = 0;    // allocations so far in this run
static long FailAt = -1;  // the allocation that throws (1-based), or -1
static bool Failed = false;

void *operator new(std::size_t Size) {
  if (++Count == FailAt) {
    Failed = true;
    throw std::bad_alloc();
  }
  void *P = std::malloc(Size ? Size : 1);
  if (!P)
    throw std::bad_alloc();
  ++Live;
  return P;
}
void operator delete(void *P) noexcept {
  if (P) {
    --Live;
    std::free(P);
  }
}
void operator delete(void *P, std::size_t) noexcept { operator delete(P); }

// Defined below: its frame cannot live in body's child slot, so every call
// allocates one (a sleep needs nothing: it waits in leaf's own frame).
COSM_ASYNC cosm::Coro<int> leaf(int X);

COSM_ASYNC cosm::Coro<void> body(bool &Done) {
  int Task = 0, Leaf = 0;
  try {
    cosm::Task<int> T = cosm::create_task(leaf(7));
    Task = cosm::await(T);
  } catch (const std::bad_alloc &) {
    std::puts("bad_alloc at the call site of create_task()");
  }
  try {
    Leaf = cosm::await(leaf(8));
  } catch (const std::bad_alloc &) {
    std::puts("bad_alloc at the call site of leaf()");
  }
  Done = Task == 7 && Leaf == 8;
  if (Done)
    std::printf("no failure: task %d done, leaf %d\n", Task, Leaf);
}

COSM_ASYNC cosm::Coro<int> leaf(int X) {
  cosm::await(cosm::sleep(0));
  return X;
}

int main() {
  long Points = 0;
  for (long N = 1;; ++N) {
    long Before = Live;
    Count = 0;
    FailAt = N;
    Failed = false;
    bool Done = false;
    try {
      cosm::run(body(Done));
    } catch (const std::bad_alloc &) {
      std::printf("fail #%ld: bad_alloc out of run()\n", N);
    }
    FailAt = -1;
    if (Live != Before)
      std::printf("fail #%ld: leak of %ld blocks\n", N, Live - Before);
    if (!Failed)
      break;
    ++Points;
  }
  std::printf("%ld failure points, no leak\n", Points);
}
