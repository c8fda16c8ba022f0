// `return {a, b};` (a braced list of several elements) from COSM_ASYNC functions.
//
// Fails: F6 in test/fuzz/FINDINGS.md (rejected while parsing by the parse-only Coro(T)).
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/return-braced.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>
#include <utility>
#include <vector>

COSM_ASYNC cosm::Coro<std::pair<int, int>> two() {
  cosm::await(cosm::sleep(0));
  return {1, 2};
}

COSM_ASYNC cosm::Coro<std::vector<int>> three() {
  cosm::await(cosm::sleep(0));
  return {1, 2, 3};
}

COSM_ASYNC cosm::Coro<void> main_() {
  std::pair<int, int> p = cosm::await(two());
  std::printf("%d %d\n", p.first, p.second);
  std::printf("%zu\n", cosm::await(three()).size());
}

int main() { cosm::run(main_()); }
