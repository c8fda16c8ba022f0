// Default arguments on async functions (free and member), called with and
// without them; the parameters are used after an await.
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/default-arguments.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>
#include <string>

COSM_ASYNC cosm::Coro<int> greet(std::string who, int times = 2, const char *sep = "-") {
  std::string line;
  for (int i = 0; i < times; ++i) {
    cosm::await(cosm::sleep(0));
    line += (i ? sep : "") + who;
  }
  std::printf("%s\n", line.c_str());
  return times;
}

struct Greeter {
  int extra = 1;
  COSM_ASYNC cosm::Coro<int> hello(int n = 3) {
    cosm::await(cosm::sleep(0));
    return n + extra;
  }
};

COSM_ASYNC cosm::Coro<void> main_() {
  cosm::Task<int> a = cosm::create_task(greet("a"));
  cosm::Task<int> b = cosm::create_task(greet("b", 3, "+"));
  int ra = cosm::await(a);
  int rb = cosm::await(b);
  Greeter g;
  int h1 = cosm::await(g.hello());
  int h2 = cosm::await(g.hello(10));
  std::printf("results %d %d %d %d\n", ra, rb, h1, h2);
}

int main() { cosm::run(main_()); }
