// [&] lambdas reading and writing locals that live across awaits (called at
// once, never stored): the captured names must still refer to the frame's.
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/capture-ref-default.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>
#include <string>
#include <vector>

COSM_ASYNC cosm::Coro<int> accumulate(const char *who, std::vector<int> v) {
  int sum = 0;
  std::string trail;
  for (int x : v) {
    [&] { sum += x; trail += std::to_string(x); }();
    cosm::await(cosm::sleep(0));
    std::printf("%s sum %d trail %s\n", who, sum, trail.c_str());
  }
  auto twice = [&]() { return sum * 2; }();
  return twice;
}

COSM_ASYNC cosm::Coro<void> main_() {
  cosm::Task<int> a = cosm::create_task(accumulate("a", {1, 2, 3}));
  cosm::Task<int> b = cosm::create_task(accumulate("b", {7, 8}));
  int ra = cosm::await(a);
  int rb = cosm::await(b);
  std::printf("results %d %d\n", ra, rb);
}

int main() { cosm::run(main_()); }
