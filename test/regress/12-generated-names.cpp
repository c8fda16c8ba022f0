// Issue 12, defect 2: every name cosm-lower introduces is unique against
// the translation unit, and the user's names stay as written. An async
// function named `child` (its frame `child_frame` is also what the child
// slot used to be called), a user type `fetch_frame` beside an async
// `fetch`, overloads, one name in two namespaces, and user locals named like
// the frame's bookkeeping (`live`, `self`, `temp`, `saved`, `child`).
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: grep -v CHECK %t.cpp | FileCheck %s
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/12-generated-names.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>
#include <string>

struct Noisy {
  std::string n;
  explicit Noisy(std::string s) : n(std::move(s)) {}
  ~Noisy() { std::printf("bye %s\n", n.c_str()); }
};

// CHECK-LABEL: struct child_frame final
COSM_ASYNC cosm::Coro<int> child(int x) {
  cosm::await(cosm::sleep(0));
  return x * 2;
}

// The slot that holds child's frame takes another name.
// CHECK-LABEL: struct parent_frame final
// CHECK: cosm::ChildSlot<child_frame> child_frame_2;
COSM_ASYNC cosm::Coro<int> parent() { return cosm::await(child(21)) + 0; }

// A user type with the name the frame of `fetch` would take.
struct fetch_frame {
  int id = 7;
};

// CHECK-LABEL: struct fetch_frame_2 final
COSM_ASYNC cosm::Coro<int> fetch(fetch_frame f) {
  cosm::await(cosm::sleep(0));
  return f.id;
}

// Overloads: one frame each.
// CHECK-LABEL: struct get_frame final
COSM_ASYNC cosm::Coro<std::string> get(int n) {
  cosm::await(cosm::sleep(0));
  return "int " + std::to_string(n);
}
// CHECK-LABEL: struct get_frame_2 final
COSM_ASYNC cosm::Coro<std::string> get(std::string s) {
  cosm::await(cosm::sleep(0));
  return "string " + s;
}

namespace a {
COSM_ASYNC cosm::Coro<std::string> job() {
  cosm::await(cosm::sleep(0));
  return "a::job";
}
} // namespace a
namespace b {
COSM_ASYNC cosm::Coro<std::string> job() {
  cosm::await(cosm::sleep(0));
  return "b::job + " + cosm::await(a::job());
}
} // namespace b

// Locals named like the frame's bookkeeping keep their names; the tool's
// own members give way.
// CHECK-LABEL: struct bookkeeping_frame final
// CHECK-DAG: Noisy live;
// CHECK-DAG: Noisy self;
// CHECK-DAG: int temp;
// CHECK-DAG: int saved;
// CHECK-DAG: int child;
// CHECK-DAG: std::bitset<2> live_2;
COSM_ASYNC cosm::Coro<int> bookkeeping() {
  Noisy live("live");
  Noisy self("self");
  int temp = 1, saved = 2, child = 3;
  cosm::await(cosm::sleep(0));
  int sum = temp + saved + child + cosm::await(::child(5));
  std::printf("%s %s %d\n", live.n.c_str(), self.n.c_str(), sum);
  return sum;
}

struct Counter {
  int count = 0;
  // A parameter named `self`: the frame's pointer to the object is renamed.
  COSM_ASYNC cosm::Coro<int> add(int self) {
    cosm::await(cosm::sleep(0));
    count += self;
    return count;
  }
};

COSM_ASYNC cosm::Coro<void> main_() {
  std::printf("parent %d\n", cosm::await(parent()));
  std::printf("fetch %d\n", cosm::await(fetch(fetch_frame{})));
  std::printf("%s\n", cosm::await(get(1)).c_str());
  std::printf("%s\n", cosm::await(get(std::string("x"))).c_str());
  std::printf("%s\n", cosm::await(b::job()).c_str());
  std::printf("bookkeeping %d\n", cosm::await(bookkeeping()));
  Counter c;
  cosm::await(c.add(2));
  std::printf("counter %d\n", cosm::await(c.add(3)));
}

int main() { cosm::run(main_()); }
