// Cancelling a task that sits in a loop with an RAII guard per iteration: it
// catches the cancellation, cleans up with an await, and rethrows (throw;).
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/cancel-with-guard-in-loop.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>
#include <string>

struct Scope {
  std::string name;
  explicit Scope(std::string n) : name(std::move(n)) { std::printf("enter %s\n", name.c_str()); }
  ~Scope() { std::printf("exit %s\n", name.c_str()); }
};

COSM_ASYNC cosm::Coro<void> worker() {
  Scope outer("worker");
  for (int i = 0;; ++i) {
    Scope step("step" + std::to_string(i));
    try {
      cosm::await(cosm::sleep(0));
      std::printf("worked %d\n", i);
    } catch (const cosm::CancelledError &) {
      std::printf("cancelled in step %d\n", i);
      cosm::await(cosm::sleep(0));
      std::printf("cleanup done\n");
      throw;
    }
  }
}

COSM_ASYNC cosm::Coro<void> main_() {
  cosm::Task<void> t = cosm::create_task(worker());
  cosm::await(cosm::sleep(0));
  cosm::await(cosm::sleep(0));
  std::printf("cancel -> %d\n", (int)t.cancel());
  try {
    cosm::await(t);
  } catch (const cosm::CancelledError &) {
    std::printf("main saw CancelledError, cancelled %d\n", (int)t.cancelled());
  }
}

int main() { cosm::run(main_()); }
