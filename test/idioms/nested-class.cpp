// Async member functions of a nested class (Outer::Inner), one defined in the
// class and one out of line, awaited from the outer class's async member.
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/nested-class.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>
#include <string>

class Outer {
public:
  class Inner {
  public:
    explicit Inner(std::string n) : name(std::move(n)) {}
    COSM_ASYNC cosm::Coro<int> ping(int n) {
      cosm::await(cosm::sleep(0));
      hits += n;
      std::printf("%s ping %d hits %d\n", name.c_str(), n, hits);
      return hits;
    }
    COSM_ASYNC cosm::Coro<int> twice(int n);
    std::string name;
    int hits = 0;
  };
  COSM_ASYNC cosm::Coro<int> drive(int n) {
    Inner in("in" + std::to_string(n));
    int r = cosm::await(in.twice(n));
    return r + cosm::await(in.ping(100));
  }
};

COSM_ASYNC cosm::Coro<int> Outer::Inner::twice(int n) {
  int a = cosm::await(ping(n));
  int b = cosm::await(ping(n));
  return a + b;
}

COSM_ASYNC cosm::Coro<void> main_() {
  Outer o;
  cosm::Task<int> a = cosm::create_task(o.drive(1));
  cosm::Task<int> b = cosm::create_task(o.drive(2));
  int ra = cosm::await(a);
  int rb = cosm::await(b);
  std::printf("results %d %d\n", ra, rb);
}

int main() { cosm::run(main_()); }
