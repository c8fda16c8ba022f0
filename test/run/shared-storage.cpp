// Locals of disjoint scopes share frame storage: an if and its else,
// consecutive blocks, a loop body and what follows it. The frame is as
// large as the largest set of locals alive at once (sizeof checks on the
// generated frames), and every object is still made and dropped in order,
// across suspensions, in two tasks that interleave.
//
// RUN: %cosm-lower %s -o %t.cpp -- -std=c++17 -I%cosm_incdir
// RUN: grep -v CHECK %t.cpp | FileCheck %s
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/shared-storage.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <array>
#include <cosm/cosm.hpp>
#include <cstdio>
#include <string>

struct Big {
  std::array<char, 1000> bytes{};
  std::string name;
  explicit Big(std::string n) : name(std::move(n)) {
    std::printf("make %s\n", name.c_str());
  }
  ~Big() { std::printf("drop %s\n", name.c_str()); }
};

COSM_ASYNC cosm::Coro<int> tick(const std::string &tag, int i) {
  std::printf("%s tick %d\n", tag.c_str(), i);
  cosm::await(cosm::sleep(0));
  return i;
}

// CHECK-LABEL: struct walk_frame final
// CHECK: // Never alive at once: one storage.
// CHECK-NEXT: union {
// CHECK-NEXT: Big a;
// CHECK-NEXT: Big b;
// CHECK-NEXT: Big c;
// CHECK-NEXT: Big d;
// CHECK-NEXT: Big e;
// CHECK-NEXT: };
COSM_ASYNC cosm::Coro<int> walk(std::string tag, int n) {
  int total = 0;
  if (n % 2) {
    Big a{tag + "-a"};
    total += cosm::await(tick(a.name, 1));
  } else {
    Big b{tag + "-b"};
    total += cosm::await(tick(b.name, 2));
  }
  {
    Big c{tag + "-c"};
    total += cosm::await(tick(c.name, 3));
  }
  for (int i = 0; i < 2; ++i) {
    Big d{tag + "-d" + std::to_string(i)};
    total += cosm::await(tick(d.name, 4));
  }
  Big e{tag + "-e"};
  total += cosm::await(tick(e.name, 5));
  return total;
}

// Nested scopes do not share: the outer object is alive around the inner.
// CHECK-LABEL: struct nested_frame final
// CHECK: union {
// CHECK-NEXT: Big outer;
// CHECK-NEXT: };
// CHECK-NEXT: int total;
// CHECK-NEXT: union {
// CHECK-NEXT: Big inner;
// CHECK-NEXT: };
COSM_ASYNC cosm::Coro<int> nested(std::string tag) {
  Big outer{tag + "-outer"};
  int total = cosm::await(tick(outer.name, 6));
  {
    Big inner{tag + "-inner"};
    total += cosm::await(tick(inner.name, 7));
  }
  return total;
}

#ifndef COSM_LOWERING
// Five objects of about 1 KiB, never two alive at once: one slot.
static_assert(sizeof(walk_frame) < 2 * sizeof(Big));
static_assert(sizeof(nested_frame) >= 2 * sizeof(Big));
#endif

COSM_ASYNC cosm::Coro<void> main_() {
  cosm::Task<int> one = cosm::create_task(walk("A", 1));
  cosm::Task<int> two = cosm::create_task(walk("B", 2));
  int a = cosm::await(one);
  int b = cosm::await(two);
  int c = cosm::await(nested("C"));
  std::printf("totals %d %d %d\n", a, b, c);
}

int main() { cosm::run(main_()); }
