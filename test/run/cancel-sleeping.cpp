// Cancelling sleeping tasks whose handlers print and re-raise, a task that
// swallows its cancellation and returns a value, and a task cancelled before it starts.
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/cancel-sleeping.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>

COSM_ASYNC cosm::Coro<void> sleeper(int id) {
  std::printf("sleeper %d start\n", id);
  try {
    cosm::await(cosm::sleep(1.0));
    std::printf("sleeper %d woke\n", id);
  } catch (const cosm::CancelledError &) {
    std::printf("sleeper %d cancelled\n", id);
    throw;
  }
}

COSM_ASYNC cosm::Coro<int> stubborn() {
  try {
    cosm::await(cosm::sleep(1.0));
  } catch (const cosm::CancelledError &) {
    std::puts("stubborn ignores cancel");
  }
  return 7;
}

COSM_ASYNC cosm::Coro<void> main_() {
  auto t1 = cosm::create_task(sleeper(1));
  auto t2 = cosm::create_task(sleeper(2));
  cosm::await(cosm::sleep(0.01));
  t1.cancel();
  try {
    cosm::await(t1);
  } catch (const cosm::CancelledError &) {
    std::puts("main saw t1 cancelled");
  }
  std::printf("t1 cancelled=%d t2 done=%d\n", (int)t1.cancelled(), (int)t2.done());
  t2.cancel();
  cosm::await(cosm::sleep(0));
  std::printf("t2 done=%d cancelled=%d\n", (int)t2.done(), (int)t2.cancelled());
  auto t3 = cosm::create_task(stubborn());
  cosm::await(cosm::sleep(0));
  t3.cancel();
  int v = cosm::await(t3);
  std::printf("stubborn returned %d cancelled=%d\n", v, (int)t3.cancelled());
  auto t4 = cosm::create_task(sleeper(4));
  t4.cancel();
  try {
    cosm::await(t4);
  } catch (const cosm::CancelledError &) {
    std::puts("t4 cancelled before start");
  }
}

int main() { cosm::run(main_()); }
