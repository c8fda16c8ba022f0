// A lambda passed as an argument of the awaited call itself
// (cosm::await(retry([&] { ... }, 3))): the retry-helper idiom.
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/lambda-argument-to-await.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>
#include <functional>

COSM_ASYNC cosm::Coro<int> retry(std::function<bool(int)> attempt, int tries) {
  for (int i = 1; i <= tries; ++i) {
    cosm::await(cosm::sleep(0));
    if (attempt(i))
      return i;
  }
  return -1;
}

COSM_ASYNC cosm::Coro<void> client(const char *who, int needed) {
  int calls = 0;
  int got = cosm::await(retry([&](int i) { ++calls; std::printf("%s try %d\n", who, i); return i >= needed; }, 3));
  std::printf("%s got %d after %d calls\n", who, got, calls);
}

COSM_ASYNC cosm::Coro<void> main_() {
  cosm::Task<void> a = cosm::create_task(client("a", 2));
  cosm::Task<void> b = cosm::create_task(client("b", 9));
  cosm::await(a);
  cosm::await(b);
}

int main() { cosm::run(main_()); }
