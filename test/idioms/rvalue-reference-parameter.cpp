// An rvalue-reference parameter (std::string&&, std::vector<int>&&) moved into a
// local that lives across awaits: the usual 'sink' parameter.
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/rvalue-reference-parameter.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>
#include <string>
#include <utility>
#include <vector>

COSM_ASYNC cosm::Coro<std::size_t> consume(std::string &&name, std::vector<int> &&items) {
  std::string mine = std::move(name);
  cosm::await(cosm::sleep(0));
  mine += "!";
  std::vector<int> kept = std::move(items);
  cosm::await(cosm::sleep(0));
  std::printf("%s kept %zu\n", mine.c_str(), kept.size());
  return mine.size() + kept.size();
}

COSM_ASYNC cosm::Coro<void> main_() {
  std::string n = "first";
  std::vector<int> v = {1, 2, 3};
  std::size_t r1 = cosm::await(consume(std::move(n), std::move(v)));
  std::printf("after move: n empty %d v empty %d\n", (int)n.empty(), (int)v.empty());
  std::size_t r2 = cosm::await(consume(std::string("second"), {4}));
  std::printf("results %zu %zu\n", r1, r2);
}

int main() { cosm::run(main_()); }
