// 'using namespace cosm;' and unqualified await(...), sleep(...), Coro<T>,
// create_task(...), Task<T>: how most people will write it.
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/using-namespace.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>

using namespace cosm;

COSM_ASYNC Coro<int> tick(const char *who, int n) {
  int sum = 0;
  for (int i = 1; i <= n; ++i) {
    await(sleep(0));
    sum += i;
    std::printf("%s tick %d\n", who, i);
  }
  return sum;
}

COSM_ASYNC Coro<void> main_() {
  Task<int> a = create_task(tick("a", 2));
  Task<int> b = create_task(tick("b", 3));
  int ra = await(a);
  int rb = await(b);
  int rc = await(tick("c", 1));
  std::printf("sums %d %d %d\n", ra, rb, rc);
}

int main() { run(main_()); }
