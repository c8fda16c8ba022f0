// [[nodiscard]] (and a second attribute) on async functions next to COSM_ASYNC,
// in both orders: the result must still be usable and the attributes kept.
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/nodiscard.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>

[[nodiscard]] COSM_ASYNC cosm::Coro<int> twice(int x) {
  cosm::await(cosm::sleep(0));
  std::printf("twice %d\n", x);
  return x * 2;
}

COSM_ASYNC [[nodiscard]] cosm::Coro<int> thrice(int x) {
  cosm::await(cosm::sleep(0));
  std::printf("thrice %d\n", x);
  return x * 3;
}

[[nodiscard]] [[deprecated("use thrice")]] COSM_ASYNC cosm::Coro<int> old_twice(int x);

COSM_ASYNC cosm::Coro<void> main_() {
  cosm::Task<int> a = cosm::create_task(twice(1));
  cosm::Task<int> b = cosm::create_task(thrice(2));
  int ra = cosm::await(a);
  int rb = cosm::await(b);
  std::printf("results %d %d\n", ra, rb);
}

int main() { cosm::run(main_()); }
