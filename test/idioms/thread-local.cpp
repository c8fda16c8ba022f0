// A thread_local local in an async function: one object per thread, shared by
// every call on the loop's thread (all tasks here).
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/thread-local.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>

COSM_ASYNC cosm::Coro<int> bump(const char *who, int by) {
  thread_local int total = 0;
  total += by;
  int before = total;
  cosm::await(cosm::sleep(0));
  std::printf("%s before %d now %d\n", who, before, total);
  return total;
}

COSM_ASYNC cosm::Coro<void> main_() {
  cosm::Task<int> a = cosm::create_task(bump("a", 1));
  cosm::Task<int> b = cosm::create_task(bump("b", 10));
  int ra = cosm::await(a);
  int rb = cosm::await(b);
  std::printf("results %d %d\n", ra, rb);
}

int main() { cosm::run(main_()); }
