// COSM_ASYNC member functions defined in the class (this->, implicit this,
// members changed across awaits), a recursive coroutine (declared first: see F1 in
// test/fuzz/FINDINGS.md), a guard object alive across awaits and an early return
// from inside a loop.
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/member-functions.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>
#include <string>
#include <vector>

struct Guard {
  std::string name;
  explicit Guard(std::string n) : name(std::move(n)) { std::printf("enter %s\n", name.c_str()); }
  ~Guard() { std::printf("exit %s\n", name.c_str()); }
};

class Counter {
public:
  explicit Counter(std::string n) : name(std::move(n)) {}
  COSM_ASYNC cosm::Coro<int> bump(int by) {
    cosm::await(cosm::sleep(0));
    count += by;
    std::printf("%s bump %d -> %d\n", name.c_str(), by, count);
    return count;
  }
  COSM_ASYNC cosm::Coro<int> bump_twice(int by) {
    Guard g("bump_twice " + name);
    int a = cosm::await(bump(by));
    int b = cosm::await(this->bump(by * 2));
    return a + b;
  }
  int count = 0;
  std::string name;
};

cosm::Coro<int> fact(int n);

COSM_ASYNC cosm::Coro<int> fact(int n) {
  if (n <= 1)
    return 1;
  cosm::await(cosm::sleep(0));
  int sub = cosm::await(fact(n - 1));
  std::printf("fact %d\n", n);
  return n * sub;
}

COSM_ASYNC cosm::Coro<int> early(int n) {
  Guard g("early " + std::to_string(n));
  std::vector<int> v;
  for (int i = 0; i < 5; ++i) {
    v.push_back(cosm::await(fact(i)));
    if (i == n) {
      std::printf("early return at %d size %zu\n", i, v.size());
      return (int)v.size();
    }
  }
  return -1;
}

COSM_ASYNC cosm::Coro<void> main_() {
  Counter c("ctr");
  int r = cosm::await(c.bump_twice(3));
  std::printf("r %d count %d\n", r, c.count);
  std::printf("fact5 %d\n", cosm::await(fact(5)));
  {
    Guard outer("block");
    std::printf("early %d\n", cosm::await(early(2)));
  }
  std::printf("early %d\n", cosm::await(early(9)));
}

int main() { cosm::run(main_()); }
