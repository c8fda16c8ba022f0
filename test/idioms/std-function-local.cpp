// A std::function local holding a lambda, kept across awaits and reassigned
// (the usual way to keep a callback; the closure type itself is refused).
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/std-function-local.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>
#include <functional>
#include <string>

COSM_ASYNC cosm::Coro<int> apply(const char *who, int base) {
  std::function<int(int)> op = [base](int x) { return x + base; };
  int v = 1;
  cosm::await(cosm::sleep(0));
  v = op(v);
  std::printf("%s add -> %d\n", who, v);
  op = [](int x) { return x * 3; };
  cosm::await(cosm::sleep(0));
  v = op(v);
  std::printf("%s mul -> %d\n", who, v);
  std::function<void()> done = [who, &v] { std::printf("%s done %d\n", who, v); };
  cosm::await(cosm::sleep(0));
  done();
  return v;
}

COSM_ASYNC cosm::Coro<void> main_() {
  cosm::Task<int> a = cosm::create_task(apply("a", 1));
  cosm::Task<int> b = cosm::create_task(apply("b", 10));
  int ra = cosm::await(a);
  int rb = cosm::await(b);
  std::printf("results %d %d\n", ra, rb);
}

int main() { cosm::run(main_()); }
