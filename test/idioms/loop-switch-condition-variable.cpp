// Condition variables in while, for and switch (while (auto *p = next()),
// switch (int k = ...; k)) that do not suspend, in an async function that does.
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/loop-switch-condition-variable.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>

int vals[] = {3, 2, 0, 1, 0, 5, 4};
int idx = 0;

int *next() {
  if (idx >= 7)
    return nullptr;
  int *p = &vals[idx++];
  return *p ? p : nullptr;
}

COSM_ASYNC cosm::Coro<int> drain(const char *who) {
  cosm::await(cosm::sleep(0));
  int sum = 0;
  while (int *p = next())
    sum += *p;
  std::printf("%s while sum %d\n", who, sum);
  switch (int k = sum % 4; k) {
  case 2:
    sum += 100;
    break;
  default:
    sum += k;
    break;
  }
  cosm::await(cosm::sleep(0));
  for (; int *q = next();)
    sum += *q;
  std::printf("%s for sum %d\n", who, sum);
  return sum;
}

COSM_ASYNC cosm::Coro<void> main_() {
  cosm::Task<int> a = cosm::create_task(drain("a"));
  cosm::Task<int> b = cosm::create_task(drain("b"));
  int ra = cosm::await(a);
  int rb = cosm::await(b);
  std::printf("results %d %d\n", ra, rb);
}

int main() { cosm::run(main_()); }
