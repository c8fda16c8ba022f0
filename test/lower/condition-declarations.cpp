// The shape of declarations in conditions: an if/switch init-statement or
// condition variable becomes a block around the statement; a while/for
// condition variable is declared by each iteration, and its failing test
// ends it before `break`; a for condition variable lives through the
// increment (`continue` jumps to it without ending the variable); a C++20
// range-for init-statement opens a block; several variables of one
// declaration are constructed one by one.
//
// RUN: %cosm-lower %s -o %t.cpp -- -std=c++20 -I%cosm_incdir
// RUN: grep -v CHECK %t.cpp | FileCheck %s
// RUN: %cxx %cosm_cxxflags -std=c++20 -c %t.cpp -o %t.o
// RUN: %clangxx %cosm_cxxflags -std=c++20 -c %t.cpp -o %t.o

#include <cosm/cosm.hpp>
#include <string>
#include <vector>

struct Handle {
  std::string name;
  explicit operator bool() const { return !name.empty(); }
};

cosm::Coro<Handle> open_next();
cosm::Coro<int> step(int n);

// CHECK-LABEL: struct conditions_frame final
// CHECK: union {
// CHECK-NEXT: Handle h;
// CHECK-LABEL: cosm::Step resume() override
COSM_ASYNC cosm::Coro<int> conditions() {
  int total = 0;
  // CHECK: {
  // CHECK: ::new (&h) Handle(child.take_result());
  // CHECK-NEXT: live.set(0);
  // CHECK-NEXT: if (h) {
  // CHECK: } else {
  // CHECK: std::destroy_at(&h);
  // CHECK-NEXT: }
  if (Handle h = cosm::await(open_next())) {
    total += cosm::await(step(1));
  } else {
    total -= cosm::await(step(2));
  }
  // CHECK: switch (k % 2) {
  switch (int k = cosm::await(step(3)); k % 2) {
  case 0:
    total += cosm::await(step(k));
    break;
  default:
    break;
  }
  // CHECK: while (true) {
  // CHECK: ::new (&w) Handle(child_{{[0-9]+}}.take_result());
  // CHECK: if (!static_cast<bool>(w)) {
  // CHECK-NEXT: live.reset([[W:[0-9]+]]);
  // CHECK-NEXT: std::destroy_at(&w);
  // CHECK-NEXT: break;
  while (Handle w = cosm::await(open_next()))
    total += cosm::await(step(int(w.name.size())));
  // CHECK: while (true) {
  // CHECK: if (!static_cast<bool>(f)) {
  // CHECK: goto [[NEXT:next[_0-9]*]];
  // CHECK: [[NEXT]]:;
  // CHECK-NEXT: ++i;
  // CHECK-NEXT: live.reset
  // CHECK-NEXT: std::destroy_at(&f);
  for (int i = 0; Handle f = cosm::await(open_next()); ++i) {
    if (i == 1)
      continue;
    total += cosm::await(step(i));
  }
  // CHECK: ::new (&v) std::vector<int>{1, 2};
  // CHECK: range = std::addressof(v);
  for (std::vector<int> v{1, 2}; int x : v)
    total += cosm::await(step(x));
  // CHECK: a = child_{{[0-9]+}}.take_result();
  // CHECK: b = child_{{[0-9]+}}.take_result() + a;
  int a = cosm::await(step(4)), b = cosm::await(step(5)) + a;
  return total + a + b;
}
