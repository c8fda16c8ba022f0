// An auto local whose type is a closure returned by an ordinary function
// (make_adder(3)), kept across awaits and called after them.
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/auto-closure-from-function.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>

auto make_adder(int n) {
  return [n](int x) { return x + n; };
}

COSM_ASYNC cosm::Coro<int> apply(const char *who, int n) {
  auto add = make_adder(n);
  int v = 0;
  for (int i = 0; i < 2; ++i) {
    cosm::await(cosm::sleep(0));
    v = add(v);
    std::printf("%s step %d v %d\n", who, i, v);
  }
  return v;
}

COSM_ASYNC cosm::Coro<void> main_() {
  cosm::Task<int> a = cosm::create_task(apply("a", 3));
  cosm::Task<int> b = cosm::create_task(apply("b", 5));
  int ra = cosm::await(a);
  int rb = cosm::await(b);
  std::printf("results %d %d\n", ra, rb);
}

int main() { cosm::run(main_()); }
