// Members defined in their class whose frames name the class: a class
// template's member returning the class and keeping a copy of it (the
// nested frame is instantiated in the member's body, where the class is
// complete), and a member keeping a std::vector of its own class (which
// C++17 lets hold an incomplete type). Two tasks interleave.
//
// RUN: %cosm-lower %s -o %t.cpp -- -std=c++17 -I%cosm_incdir
// RUN: grep -v SHAPE %t.cpp | FileCheck %s --check-prefix=SHAPE
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/in-class-members.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>
#include <string>
#include <vector>

// SHAPE: struct next_frame final : cosm::Frame<Box<T>> {
// SHAPE: Box copy;
template <class T> struct Box {
  T v{};
  COSM_ASYNC cosm::Coro<Box> next(T step) {
    Box copy = *this;
    std::printf("next from %s\n", std::to_string(copy.v).c_str());
    cosm::await(cosm::sleep(0));
    copy.v += step;
    return copy;
  }
};

// SHAPE: struct total_frame final : cosm::Frame<int> {
// SHAPE: std::vector<Node> kids;
struct Node {
  int v = 0;
  COSM_ASYNC cosm::Coro<int> total(int n) {
    std::vector<Node> kids;
    for (int i = 1; i <= n; ++i) {
      kids.push_back(Node{v * 10 + i});
      std::printf("node %d kid %d\n", v, kids.back().v);
      cosm::await(cosm::sleep(0));
    }
    int sum = v;
    for (const Node &k : kids)
      sum += k.v;
    return sum;
  }
};

COSM_ASYNC cosm::Coro<void> main_coro() {
  Node n{7};
  cosm::Task<int> t = cosm::create_task(n.total(3));
  Box<int> b{4};
  Box<int> c = cosm::await(b.next(2));
  Box<double> d = cosm::await(Box<double>{0.5}.next(0.25));
  std::printf("box %d %s\n", c.v, std::to_string(d.v).c_str());
  std::printf("total %d\n", cosm::await(t));
}

int main() { cosm::run(main_coro()); }
