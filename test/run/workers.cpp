// Three named workers sleeping different durations in a loop (every deadline
// at least 20 ms from any other, so that a loaded machine does not reorder them),
// awaited in creation order, then a gather of two more: the classic tutorial.
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/workers.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>
#include <string>
#include <vector>

COSM_ASYNC cosm::Coro<int> worker(std::string name, double delay, int n) {
  std::printf("%s started\n", name.c_str());
  int total = 0;
  for (int i = 0; i < n; ++i) {
    cosm::await(cosm::sleep(delay));
    total += i;
    std::printf("%s step %d\n", name.c_str(), i);
  }
  std::printf("%s done\n", name.c_str());
  return total;
}

COSM_ASYNC cosm::Coro<void> main_() {
  auto a = cosm::create_task(worker("A", 0.05, 2));
  auto b = cosm::create_task(worker("B", 0.075, 2));
  auto c = cosm::create_task(worker("C", 0.01, 3));
  int ra = cosm::await(a);
  int rb = cosm::await(b);
  int rc = cosm::await(c);
  std::printf("results %d %d %d\n", ra, rb, rc);
  auto res = cosm::await(cosm::gather(worker("X", 0.01, 1), worker("Y", 0.03, 1)));
  std::printf("gather %d %d\n", std::get<0>(res), std::get<1>(res));
}

int main() { cosm::run(main_()); }
