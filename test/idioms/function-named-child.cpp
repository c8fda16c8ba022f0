// An async function named 'child' (a common word; also the name of the frame's
// slot for an awaited coroutine), awaited by a parent and run as a task.
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/function-named-child.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>

COSM_ASYNC cosm::Coro<int> child(int n) {
  cosm::await(cosm::sleep(0));
  std::printf("child %d\n", n);
  return n * 2;
}

COSM_ASYNC cosm::Coro<int> parent(int n) {
  int a = cosm::await(child(n));
  int b = cosm::await(child(a));
  return a + b;
}

COSM_ASYNC cosm::Coro<void> main_() {
  cosm::Task<int> t1 = cosm::create_task(parent(1));
  cosm::Task<int> t2 = cosm::create_task(child(100));
  int r1 = cosm::await(t1);
  int r2 = cosm::await(t2);
  std::printf("results %d %d\n", r1, r2);
}

int main() { cosm::run(main_()); }
