// std::runtime_error thrown after an await, caught one and two frames up, from an
// awaited coroutine and from an awaited task (Python: RuntimeError / Exception).
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/exceptions.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>
#include <stdexcept>
#include <string>

COSM_ASYNC cosm::Coro<int> fail_after(int n) {
  cosm::await(cosm::sleep(0));
  if (n > 2)
    throw std::runtime_error("too big: " + std::to_string(n));
  return n * 10;
}

COSM_ASYNC cosm::Coro<int> middle(int n) {
  int v = 0;
  try {
    v = cosm::await(fail_after(n));
    std::printf("middle got %d\n", v);
  } catch (const std::runtime_error &e) {
    std::printf("middle caught %s\n", e.what());
    v = -1;
  }
  return v;
}

COSM_ASYNC cosm::Coro<void> thrower() {
  cosm::await(cosm::sleep(0.01));
  throw std::runtime_error("task failed");
}

COSM_ASYNC cosm::Coro<void> main_() {
  for (int i = 1; i <= 4; ++i) {
    int r = cosm::await(middle(i));
    std::printf("r=%d\n", r);
  }
  auto t = cosm::create_task(thrower());
  try {
    cosm::await(t);
    std::puts("not reached");
  } catch (const std::exception &e) {
    std::printf("main caught %s\n", e.what());
  }
  try {
    int x = cosm::await(fail_after(5));
    std::printf("x=%d\n", x);
  } catch (const std::runtime_error &e) {
    std::printf("direct caught %s\n", e.what());
  }
  std::puts("end");
}

int main() { cosm::run(main_()); }
