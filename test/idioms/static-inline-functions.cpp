// 'static' and 'inline' async free functions (internal linkage, header-style
// inline): the storage class must stay on the lowered function.
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/static-inline-functions.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>

COSM_ASYNC static cosm::Coro<int> helper(int x) {
  cosm::await(cosm::sleep(0));
  std::printf("helper %d\n", x);
  return x + 1;
}

COSM_ASYNC inline cosm::Coro<int> twice(int x) {
  int a = cosm::await(helper(x));
  int b = cosm::await(helper(a));
  return b;
}

COSM_ASYNC static inline cosm::Coro<void> both(const char *who, int x) {
  int r = cosm::await(twice(x));
  std::printf("%s got %d\n", who, r);
}

COSM_ASYNC cosm::Coro<void> main_() {
  cosm::Task<void> a = cosm::create_task(both("a", 1));
  cosm::Task<void> b = cosm::create_task(both("b", 10));
  cosm::await(a);
  cosm::await(b);
}

int main() { cosm::run(main_()); }
