// Awaits inside expressions: function arguments, operands, compound
// assignment, && and ?: (only the side C++ evaluates runs), loop conditions,
// a temporary that must outlive the await, and exceptions from awaited
// coroutines and tasks. Operands evaluated before a suspension are saved.
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: grep -v CHECK %t.cpp | FileCheck %s
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/expressions.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

// `x = a * await(f())`: a is read before the suspension.
// CHECK: saved = a;
// CHECK: x = saved * child_2.take_result();
// `h(k(), await(m()))`: k() runs first.
// CHECK: saved_2 = k();
// CHECK: h(saved_2, child_4.take_result())
// `p() && await(q())`: q() only runs when p() is true.
// CHECK: condition = static_cast<bool>(p(false));
// CHECK-NEXT: if (condition) {
// The temporary string lives in the frame until the statement ends.
// CHECK: ::new (&temp) std::string(std::string("temp"));
// CHECK: use(temp, child_9.take_result());
// CHECK-NEXT: live.reset([[TEMP:[0-9]+]]);
// CHECK-NEXT: std::destroy_at(&temp);

#include <cosm/cosm.hpp>
#include <cstdio>
#include <stdexcept>
#include <string>

int a = 2;
COSM_ASYNC cosm::Coro<int> f() { a = 100; cosm::await(cosm::sleep(0)); return 3; }
COSM_ASYNC cosm::Coro<int> g() { cosm::await(cosm::sleep(0)); return 4; }
int k() { std::puts("k"); return 1; }
COSM_ASYNC cosm::Coro<int> m() { std::puts("m"); cosm::await(cosm::sleep(0)); return 2; }
int h(int x, int y) { return x * 10 + y; }
bool p(bool v) { std::printf("p %d\n", v); return v; }
COSM_ASYNC cosm::Coro<bool> q() { std::puts("q"); cosm::await(cosm::sleep(0)); return true; }
COSM_ASYNC cosm::Coro<int> ca() { std::puts("ca"); cosm::await(cosm::sleep(0)); return 5; }
int cb() { std::puts("cb"); return 6; }
int counter = 0;
COSM_ASYNC cosm::Coro<int> next() { cosm::await(cosm::sleep(0)); return counter++; }
void use(const std::string &s, int v) { std::printf("use %s %d\n", s.c_str(), v); }
COSM_ASYNC cosm::Coro<int> fails(int v) { cosm::await(cosm::sleep(0)); if (v > 1) throw std::runtime_error("boom " + std::to_string(v)); return v; }

COSM_ASYNC cosm::Coro<void> main_() {
  std::printf("printf %d\n", cosm::await(g()));
  int x = a * cosm::await(f());
  std::printf("x %d a %d\n", x, a);
  x += cosm::await(g());
  std::printf("x %d\n", x);
  std::printf("h %d\n", h(k(), cosm::await(m())));
  if (p(false) && cosm::await(q())) std::puts("yes"); else std::puts("no");
  if (p(true) && cosm::await(q())) std::puts("yes"); else std::puts("no");
  for (int c = 0; c < 2; ++c) std::printf("ternary %d\n", c ? cosm::await(ca()) : cb());
  while (cosm::await(next()) < 3) std::puts("loop");
  use(std::string("temp"), cosm::await(g()));
  int sum = cosm::await(g()) + cosm::await(f()) * 2;
  std::printf("sum %d\n", sum);
  for (int i = 0; i < 3; ++i) {
    try {
      int v = cosm::await(fails(i));
      std::printf("ok %d\n", v);
    } catch (const std::runtime_error &e) {
      std::printf("caught %s\n", e.what());
    }
  }
  cosm::Task<int> t = cosm::create_task(fails(5));
  try {
    cosm::await(t);
  } catch (const std::exception &e) {
    std::printf("task failed: %s\n", e.what());
  }
}
int main() { cosm::run(main_()); }
