// COSM_ASYNC member functions declared (with COSM_ASYNC) in the class and defined
// out of line.
//
// Fails with clang: F2 in test/fuzz/FINDINGS.md (`COSM_ASYNC struct bump_frame;`
// -Wignored-attributes).
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/member-out-of-line.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>
#include <string>

class Counter {
public:
  explicit Counter(std::string n) : name(std::move(n)) {}
  COSM_ASYNC cosm::Coro<int> bump(int by);
  COSM_ASYNC cosm::Coro<int> bump_twice(int by);
  int count = 0;
  std::string name;
};

COSM_ASYNC cosm::Coro<int> Counter::bump(int by) {
  cosm::await(cosm::sleep(0));
  count += by;
  std::printf("%s bump %d -> %d\n", name.c_str(), by, count);
  return count;
}

COSM_ASYNC cosm::Coro<int> Counter::bump_twice(int by) {
  int a = cosm::await(bump(by));
  int b = cosm::await(this->bump(by * 2));
  return a + b;
}

COSM_ASYNC cosm::Coro<void> main_() {
  Counter c("ctr");
  int r = cosm::await(c.bump_twice(3));
  std::printf("r %d count %d\n", r, c.count);
}

int main() { cosm::run(main_()); }
