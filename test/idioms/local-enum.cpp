// An enum declared inside an async function, a local of that type living across
// awaits (a little state machine written by the user).
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/local-enum.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>

COSM_ASYNC cosm::Coro<void> machine(const char *who, int steps) {
  enum class Phase { Idle, Busy, Done };
  Phase phase = Phase::Idle;
  for (int i = 0; i < steps; ++i) {
    cosm::await(cosm::sleep(0));
    phase = i + 1 < steps ? Phase::Busy : Phase::Done;
    std::printf("%s step %d phase %d\n", who, i, static_cast<int>(phase));
  }
  if (phase == Phase::Done)
    std::printf("%s done\n", who);
}

COSM_ASYNC cosm::Coro<void> main_() {
  cosm::Task<void> a = cosm::create_task(machine("a", 2));
  cosm::Task<void> b = cosm::create_task(machine("b", 3));
  cosm::await(a);
  cosm::await(b);
}

int main() { cosm::run(main_()); }
