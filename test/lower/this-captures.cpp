// Issue 18, idiom 1: lambdas that capture `this` in an async member
// function, before and after an await. In resume() `this` is the frame and
// the object is the member `self`, which a lambda cannot capture by name:
// `[this]` becomes `[self = self]`, `[*this]` keeps a copy of the object
// (cosm::ThisCopy, reached through `self->` like the object itself), and
// `[=]`/`[&]` using a member also copy the pointer, so a lambda that
// outlives the frame still reaches the object.
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: grep -v CHECK %t.cpp | FileCheck %s
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/this-captures.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <algorithm>
#include <cstdio>
#include <functional>
#include <vector>

// CHECK-LABEL: struct scaled_frame final
// CHECK: [self = self, n = n] { return self->bias * n; };
// run() keeps a `[*this]` lambda in a local: it is moved out of the class,
// where the class is complete (docs/lowering.md, "Members that hold their
// class").
// CHECK-LABEL: struct Runner::run_frame final
// CHECK: [self = self](int a, int b) {
// CHECK-NEXT: return self->key(a) < self->key(b);
// CHECK: [=, self = self](int a, int b) {
// CHECK-NEXT: return a * self->bias > b * self->bias;
// CHECK: [self = cosm::ThisCopy(*self)](int a) {
// CHECK-NEXT: return a + self->bias;
// CHECK: [&, &later = later, self = self] {
// CHECK-NEXT: return self->bias + later;
struct Runner {
  int bias = 1;
  int key(int a) const { return (a * bias) % 7; }

  COSM_ASYNC cosm::Coro<int> run(std::vector<int> v) {
    int later = 10;
    std::sort(v.begin(), v.end(), [this](int a, int b) { return key(a) < key(b); });
    cosm::await(cosm::sleep(0));
    std::printf("by key: %d %d %d\n", v[0], v[1], v[2]);
    std::sort(v.begin(), v.end(), [=](int a, int b) { return a * bias > b * bias; });
    cosm::await(cosm::sleep(0));
    auto copy = [*this](int a) { return a + bias; };
    bias = 100; // the copy keeps the old bias
    std::function<int()> sum = [&] { return bias + later; };
    std::printf("desc: %d %d %d, copy %d, sum %d\n", v[0], v[1], v[2], copy(1),
                sum());
    return v[0];
  }

  // Explicit `this` in the body and in a capture of a const member.
  COSM_ASYNC cosm::Coro<int> scaled(int n) const {
    cosm::await(cosm::sleep(0));
    auto f = [this, n] { return this->bias * n; };
    return f();
  }
};

COSM_ASYNC cosm::Coro<void> main_() {
  Runner r;
  r.bias = 3;
  std::printf("run -> %d\n", cosm::await(r.run({5, 1, 4, 2})));
  std::printf("scaled -> %d\n", cosm::await(r.scaled(2)));
}

int main() { cosm::run(main_()); }
