// An RAII guard inside a function whose await is cut short by
// cosm::wait_for's timeout: the guard is destroyed exactly where Python's finally runs.
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/timeout-with-guard.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>

struct Scope {
  const char *name;
  explicit Scope(const char *n) : name(n) { std::printf("enter %s\n", name); }
  ~Scope() { std::printf("exit %s\n", name); }
};

COSM_ASYNC cosm::Coro<int> slow(const char *who) {
  Scope s(who);
  cosm::await(cosm::sleep(0));
  std::printf("%s waiting\n", who);
  cosm::await(cosm::sleep(5));
  std::printf("%s never\n", who);
  return 1;
}

COSM_ASYNC cosm::Coro<void> ticker() {
  for (int i = 0; i < 3; ++i) {
    cosm::await(cosm::sleep(0));
    std::printf("tick %d\n", i);
  }
}

COSM_ASYNC cosm::Coro<void> main_() {
  cosm::Task<void> t = cosm::create_task(ticker());
  try {
    int r = cosm::await(cosm::wait_for(slow("slow"), 0.005));
    std::printf("got %d\n", r);
  } catch (const cosm::TimeoutError &) {
    std::printf("timed out\n");
  }
  cosm::await(t);
}

int main() { cosm::run(main_()); }
