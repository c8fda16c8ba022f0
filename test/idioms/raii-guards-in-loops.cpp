// std::lock_guard and a user RAII guard inside loops with awaits, left by
// break, continue and return: each guard is released exactly once, in order.
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/raii-guards-in-loops.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>
#include <mutex>

std::mutex mu;

struct Scope {
  const char *who;
  int i;
  Scope(const char *w, int n) : who(w), i(n) { std::printf("%s enter %d\n", who, i); }
  ~Scope() { std::printf("%s leave %d\n", who, i); }
};

COSM_ASYNC cosm::Coro<int> loop(const char *who, int stop) {
  int sum = 0;
  for (int i = 0; i < 10; ++i) {
    Scope s(who, i);
    {
      std::lock_guard<std::mutex> lock(mu); // never held across an await
      sum += i;
    }
    cosm::await(cosm::sleep(0));
    if (i == 1)
      continue;
    if (i == stop)
      break;
    if (sum > 20)
      return -sum;
    cosm::await(cosm::sleep(0));
  }
  return sum;
}

COSM_ASYNC cosm::Coro<void> main_() {
  cosm::Task<int> a = cosm::create_task(loop("a", 2));
  cosm::Task<int> b = cosm::create_task(loop("b", 99));
  int ra = cosm::await(a);
  int rb = cosm::await(b);
  std::printf("results %d %d\n", ra, rb);
}

int main() { cosm::run(main_()); }
