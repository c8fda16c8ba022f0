// `return {a, b};` (a braced list of several elements) from COSM_ASYNC
// functions, and braced lists of braced lists (`return {{"ann", 30}, {"bob",
// 25}};` for a std::map), whose elements deduce nothing: the parse-only
// Coro takes a list of T's value_type when T takes one.
//
// Was: F6 in test/fuzz/FINDINGS.md (rejected while parsing by the
// parse-only Coro(T)); nested lists were still rejected.
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/return-braced.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>
#include <map>
#include <string>
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

COSM_ASYNC cosm::Coro<std::map<std::string, int>> ages() {
  cosm::await(cosm::sleep(0));
  return {{"ann", 30}, {"bob", 25}};
}

template <class T> COSM_ASYNC cosm::Coro<std::vector<std::pair<T, T>>> pairs() {
  cosm::await(cosm::sleep(0));
  return {{1, 2}, {3, 4}};
}

COSM_ASYNC cosm::Coro<std::vector<std::string>> names() {
  cosm::await(cosm::sleep(0));
  return {"x", "yz"};
}

COSM_ASYNC cosm::Coro<void> main_() {
  std::pair<int, int> p = cosm::await(two());
  std::printf("%d %d\n", p.first, p.second);
  std::printf("%zu\n", cosm::await(three()).size());
  std::map<std::string, int> m = cosm::await(ages());
  std::printf("ann %d bob %d\n", m["ann"], m["bob"]);
  std::vector<std::pair<long, long>> v = cosm::await(pairs<long>());
  std::printf("%ld %ld\n", v[0].second, v[1].first);
  std::vector<std::string> n = cosm::await(names());
  std::printf("%s %s\n", n[0].c_str(), n[1].c_str());
}

int main() { cosm::run(main_()); }
