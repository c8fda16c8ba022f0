// The cancellation-cleanup pattern: a handler for CancelledError awaits a cleanup
// coroutine and re-raises; nested try statements inside a handler, both awaiting.
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/cancel-cleanup.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>
#include <stdexcept>

COSM_ASYNC cosm::Coro<void> cleanup(const char *who) {
  std::printf("cleanup %s start\n", who);
  cosm::await(cosm::sleep(0));
  std::printf("cleanup %s end\n", who);
}

COSM_ASYNC cosm::Coro<void> worker(const char *who) {
  try {
    cosm::await(cosm::sleep(1.0));
  } catch (const cosm::CancelledError &err) {
    (void)err;
    std::printf("%s cancelled\n", who);
    cosm::await(cleanup(who));
    throw;
  }
}

COSM_ASYNC cosm::Coro<int> nested() {
  try {
    throw std::runtime_error("a");
  } catch (const std::exception &e1) {
    try {
      cosm::await(cosm::sleep(0));
      throw std::runtime_error("b");
    } catch (const std::exception &e2) {
      cosm::await(cosm::sleep(0));
      std::printf("nested %s %s\n", e1.what(), e2.what());
    }
    return 1;
  }
}

COSM_ASYNC cosm::Coro<void> main_() {
  auto t = cosm::create_task(worker("w1"));
  auto u = cosm::create_task(worker("w2"));
  cosm::await(cosm::sleep(0.01));
  t.cancel();
  u.cancel();
  try {
    cosm::await(t);
  } catch (const cosm::CancelledError &err) {
    (void)err;
    std::puts("main: t cancelled");
  }
  try {
    cosm::await(u);
  } catch (const cosm::CancelledError &err) {
    (void)err;
    std::puts("main: u cancelled");
  }
  std::printf("nested -> %d\n", cosm::await(nested()));
}

int main() { cosm::run(main_()); }
