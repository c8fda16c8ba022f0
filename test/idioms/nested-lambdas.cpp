// Nested lambdas ([&] inside [&], and [=] inside [&]) reading and writing locals
// of the async function that live across awaits.
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/nested-lambdas.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>

COSM_ASYNC cosm::Coro<int> run(const char *who, int step) {
  int total = 0;
  int calls = 0;
  for (int i = 0; i < 2; ++i) {
    cosm::await(cosm::sleep(0));
    [&] {
      ++calls;
      [&] { total += step; }();
      int snapshot = [=] { return total * 10 + calls; }();
      std::printf("%s snapshot %d\n", who, snapshot);
    }();
  }
  return total;
}

COSM_ASYNC cosm::Coro<void> main_() {
  cosm::Task<int> a = cosm::create_task(run("a", 1));
  cosm::Task<int> b = cosm::create_task(run("b", 5));
  int ra = cosm::await(a);
  int rb = cosm::await(b);
  std::printf("results %d %d\n", ra, rb);
}

int main() { cosm::run(main_()); }
