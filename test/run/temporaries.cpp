// A temporary in a subexpression lives until the end of its full-expression,
// after a later await in it; the comma operator with awaits on both sides.
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/temporaries.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>
#include <string>

struct Noisy {
  std::string n;
  explicit Noisy(std::string s) : n(std::move(s)) { std::printf("+%s\n", n.c_str()); }
  ~Noisy() { std::printf("-%s\n", n.c_str()); }
  int len() const { return (int)n.size(); }
};

COSM_ASYNC cosm::Coro<int> get(int v) {
  std::printf("get %d\n", v);
  cosm::await(cosm::sleep(0));
  return v;
}

COSM_ASYNC cosm::Coro<void> main_() {
  std::printf("len %d\n", Noisy("t2").len() + cosm::await(get(2)));
  int c = (cosm::await(get(4)), cosm::await(get(5)));
  std::printf("c %d\n", c);
}

int main() { cosm::run(main_()); }
