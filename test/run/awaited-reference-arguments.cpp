// Temporaries passed to an awaited call live until the await ends, as in
// C++: a coroutine whose reference parameters are bound to them ("text", 5,
// a Noisy) reads them after it has suspended, and a task created in the
// awaited expression does too. The frame keeps them (F18 in
// test/fuzz/FINDINGS.md: they were destroyed at the end of the statement
// that created the child, before it ran).
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: grep -v CHECK %t.cpp | FileCheck %s
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/awaited-reference-arguments.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>
#include <string>

struct Noisy {
  std::string n;
  explicit Noisy(std::string s) : n(std::move(s)) { std::printf("+%s\n", n.c_str()); }
  ~Noisy() { std::printf("-%s\n", n.c_str()); }
};

COSM_ASYNC cosm::Coro<int> greet(const std::string &who, const int &times,
                                 const Noisy &by) {
  cosm::await(cosm::sleep(0));
  for (int i = 0; i < times; ++i)
    std::printf("hello %s from %s\n", who.c_str(), by.n.c_str());
  return times;
}

// CHECK-LABEL: struct main_coro_frame
// The literal, the int and the Noisy all move into the frame:
// CHECK: ::new (&[[WHO:temp[_0-9]*]]) std::string("world");
// CHECK: greet_frame([[WHO]],
// CHECK: child.step()
// CHECK: std::destroy_at(&[[WHO]]);
COSM_ASYNC cosm::Coro<void> main_coro() {
  int n = cosm::await(greet("world", 2, Noisy("coro")));
  std::printf("greeted %d times\n", n);
  n = cosm::await(cosm::create_task(greet(std::string("task"), 1, Noisy("task"))));
  std::printf("greeted %d time\n", n);
}

int main() { cosm::run(main_coro()); }
