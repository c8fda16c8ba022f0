// A struct declared inside an async function, with a local of that type living
// across awaits: the frame must be able to name a type local to the function.
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/local-struct.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>

COSM_ASYNC cosm::Coro<int> walk(const char *who, int start) {
  struct Point {
    int x, y;
    int sum() const { return x + y; }
  };
  Point p{start, start * 2};
  cosm::await(cosm::sleep(0));
  p.x += 1;
  std::printf("%s p %d %d\n", who, p.x, p.y);
  cosm::await(cosm::sleep(0));
  p.y -= 1;
  std::printf("%s sum %d\n", who, p.sum());
  return p.sum();
}

COSM_ASYNC cosm::Coro<void> main_() {
  cosm::Task<int> a = cosm::create_task(walk("a", 1));
  cosm::Task<int> b = cosm::create_task(walk("b", 10));
  int ra = cosm::await(a);
  int rb = cosm::await(b);
  std::printf("total %d\n", ra + rb);
}

int main() { cosm::run(main_()); }
