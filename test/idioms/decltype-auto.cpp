// decltype(auto) and decltype(expr) locals in an async function: a reference
// obtained by decltype(auto) from a function returning T& must stay a reference.
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/decltype-auto.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>
#include <vector>

std::vector<int> slots = {0, 0};

int &slot(int i) { return slots[i]; }

COSM_ASYNC cosm::Coro<int> fill(const char *who, int i) {
  decltype(auto) ref = slot(i); // int&
  decltype(slots.size()) count = slots.size();
  for (int k = 1; k <= 2; ++k) {
    cosm::await(cosm::sleep(0));
    ref += k * (i + 1);
    std::printf("%s k %d slot %d count %zu\n", who, k, slots[i], count);
  }
  return ref;
}

COSM_ASYNC cosm::Coro<void> main_() {
  cosm::Task<int> a = cosm::create_task(fill("a", 0));
  cosm::Task<int> b = cosm::create_task(fill("b", 1));
  int ra = cosm::await(a);
  int rb = cosm::await(b);
  std::printf("results %d %d slots %d %d\n", ra, rb, slots[0], slots[1]);
}

int main() { cosm::run(main_()); }
