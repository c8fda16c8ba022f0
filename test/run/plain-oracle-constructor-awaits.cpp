// A local kept in the frame whose constructor arguments await more than
// once (`Pair p(cosm::await(a), cosm::await(b))`, and braced): each result
// is saved before the next await, which reuses the child frame's slot. A
// variable read by an earlier argument and changed by a later await keeps
// the value it had. Lowered, the program prints what the same source
// prints as ordinary C++ (the plain build: awaits and run removed).
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: grep -v CHECK %t.cpp | FileCheck %s
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: sed -e 's/cosm::await(/(/g' -e 's/cosm::run(/(/g' %s > %t.plain.cpp
// RUN: %cxx -std=c++17 -w -I%S/Inputs/plain %t.plain.cpp -o %t.plain
// RUN: %t.plain > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>
#include <string>

struct Pair {
  int a, b;
  std::string tag;
  Pair(int x, int y, std::string t = "pair") : a(x), b(y), tag(std::move(t)) {
    std::printf("+%s %d %d\n", tag.c_str(), a, b);
  }
  ~Pair() { std::printf("-%s\n", tag.c_str()); }
};

COSM_ASYNC cosm::Coro<int> value(int v) {
  cosm::await(cosm::sleep(0));
  return v;
}

int counter = 0;

COSM_ASYNC cosm::Coro<int> bump() {
  cosm::await(cosm::sleep(0));
  return ++counter;
}

COSM_ASYNC cosm::Coro<void> main_() {
  // CHECK: ::new (&pr) Pair(saved, child_2.take_result());
  Pair pr(cosm::await(value(3)), cosm::await(value(4)));
  Pair pb{cosm::await(value(5)), cosm::await(value(6)), "braced"};
  // `counter` is read before bump() changes it.
  Pair pc{counter, cosm::await(bump()), "counter"};
  cosm::await(cosm::sleep(0));
  std::printf("%d %d, %d %d, %d %d\n", pr.a, pr.b, pb.a, pb.b, pc.a, pc.b);
}

int main() { cosm::run(main_()); }
