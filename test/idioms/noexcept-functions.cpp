// noexcept async functions (free and member): creating the Coro cannot throw;
// errors inside are caught in the body, across awaits.
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/noexcept-functions.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>
#include <stdexcept>

COSM_ASYNC cosm::Coro<int> safe_div(int a, int b) noexcept {
  cosm::await(cosm::sleep(0));
  try {
    if (b == 0)
      throw std::runtime_error("div by zero");
    return a / b;
  } catch (const std::exception &e) {
    std::printf("caught %s\n", e.what());
    return -1;
  }
}

struct Worker {
  int done = 0;
  COSM_ASYNC cosm::Coro<void> work(int a, int b) noexcept {
    int r = cosm::await(safe_div(a, b));
    ++done;
    std::printf("work %d/%d = %d done %d\n", a, b, r, done);
  }
};

COSM_ASYNC cosm::Coro<void> main_() noexcept {
  Worker w;
  cosm::Task<void> t1 = cosm::create_task(w.work(7, 2));
  cosm::Task<void> t2 = cosm::create_task(w.work(1, 0));
  cosm::await(t1);
  cosm::await(t2);
  std::printf("done %d\n", w.done);
}

int main() { cosm::run(main_()); }
