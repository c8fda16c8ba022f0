// C arrays as locals across awaits: a char buffer filled with snprintf and an
// int array indexed in a loop; sizeof on them must still be the array's size.
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/c-array-locals.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>
#include <cstring>

COSM_ASYNC cosm::Coro<int> fmt(const char *who, int n) {
  char buf[32];
  int hist[4] = {0, 0, 0, 0};
  std::snprintf(buf, sizeof buf, "%s-%d", who, n);
  for (int i = 0; i < n; ++i) {
    cosm::await(cosm::sleep(0));
    hist[i % 4] += i;
    std::printf("%s %s len %zu slots %zu\n", who, buf, std::strlen(buf), sizeof hist / sizeof hist[0]);
  }
  std::strncat(buf, "!", sizeof buf - std::strlen(buf) - 1);
  cosm::await(cosm::sleep(0));
  std::printf("%s %s hist %d %d %d %d sizeof %zu\n", who, buf, hist[0], hist[1], hist[2], hist[3], sizeof(buf));
  return hist[1];
}

COSM_ASYNC cosm::Coro<void> main_() {
  cosm::Task<int> a = cosm::create_task(fmt("a", 2));
  cosm::Task<int> b = cosm::create_task(fmt("b", 5));
  int ra = cosm::await(a);
  int rb = cosm::await(b);
  std::printf("results %d %d\n", ra, rb);
}

int main() { cosm::run(main_()); }
