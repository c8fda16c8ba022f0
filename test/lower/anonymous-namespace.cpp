// Issue 18, idiom 3: the usual shape of a .cpp file, everything in an
// anonymous namespace. Awaiting a coroutine whose result type has internal
// linkage needs definitions (not only declarations) of what cosm-lower
// analyses; the frames stay in the anonymous namespace and are embedded in
// each other like any others.
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: grep -v CHECK %t.cpp | FileCheck %s
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/anonymous-namespace.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>
#include <string>
#include <utility>

namespace {
struct Item {
  std::string name;
  int qty;
};

// CHECK-LABEL: struct make_frame final : cosm::Frame<Item>
COSM_ASYNC cosm::Coro<Item> make(std::string name) {
  cosm::await(cosm::sleep(0));
  return Item{std::move(name), 2};
}

COSM_ASYNC cosm::Coro<std::pair<Item, Item>> both() {
  Item a = cosm::await(make("apple"));
  auto t = cosm::create_task(make("pear"));
  Item b = cosm::await(t);
  return {a, b};
}
} // namespace

COSM_ASYNC cosm::Coro<void> main_() {
  auto [a, b] = cosm::await(both());
  std::printf("%s x%d, %s x%d\n", a.name.c_str(), a.qty, b.name.c_str(), b.qty);
}

int main() { cosm::run(main_()); }
