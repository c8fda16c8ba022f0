// An anonymous namespace whose async function is declared first (returning a
// struct of internal linkage), awaited by a function above its definition.
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/anonymous-namespace-forward.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>
#include <string>

namespace {
struct Item {
  std::string name;
  int qty;
};

COSM_ASYNC cosm::Coro<Item> make(std::string name, int qty);

COSM_ASYNC cosm::Coro<int> order(std::string name, int qty) {
  Item it = cosm::await(make(name, qty));
  cosm::await(cosm::sleep(0));
  std::printf("order %s x%d\n", it.name.c_str(), it.qty);
  return it.qty;
}

COSM_ASYNC cosm::Coro<Item> make(std::string name, int qty) {
  cosm::await(cosm::sleep(0));
  std::printf("made %s\n", name.c_str());
  return Item{name, qty};
}
} // namespace

COSM_ASYNC cosm::Coro<void> main_() {
  cosm::Task<int> a = cosm::create_task(order("apple", 3));
  cosm::Task<int> b = cosm::create_task(order("pear", 4));
  int ra = cosm::await(a);
  int rb = cosm::await(b);
  std::printf("total %d\n", ra + rb);
}

int main() { cosm::run(main_()); }
