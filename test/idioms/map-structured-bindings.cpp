// Range-for over a std::map with structured bindings (const auto &[k, v]) and an
// await in the body; the map is modified by another task meanwhile (values only).
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/map-structured-bindings.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>
#include <map>
#include <string>

std::map<std::string, int> stock = {{"apple", 3}, {"kiwi", 1}, {"pear", 5}};

COSM_ASYNC cosm::Coro<int> report(const char *who) {
  int total = 0;
  for (const auto &[name, qty] : stock) {
    cosm::await(cosm::sleep(0));
    std::printf("%s %s=%d\n", who, name.c_str(), qty);
    total += qty;
  }
  return total;
}

COSM_ASYNC cosm::Coro<void> restock() {
  for (auto &[name, qty] : stock) {
    qty += 10;
    cosm::await(cosm::sleep(0));
    std::printf("restocked %s\n", name.c_str());
  }
}

COSM_ASYNC cosm::Coro<void> main_() {
  cosm::Task<int> a = cosm::create_task(report("r"));
  cosm::Task<void> b = cosm::create_task(restock());
  int total = cosm::await(a);
  cosm::await(b);
  std::printf("total seen %d\n", total);
}

int main() { cosm::run(main_()); }
