// Awaits in pack expansions next to what a generator would not think of:
// locals named like the rewrite's element lambdas (each_1) and their values,
// an overloaded callee chosen per element, and a move-only result
// (std::unique_ptr) dereferenced inside the fold; a ticker task interleaves.
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/pack-awaits-names.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>
#include <memory>
#include <string>

COSM_ASYNC cosm::Coro<int> fetch(int id) {
  cosm::await(cosm::sleep(0));
  return id * 10;
}

COSM_ASYNC cosm::Coro<std::string> fetch(const char *s) {
  cosm::await(cosm::sleep(0));
  return std::string(s) + "!";
}

COSM_ASYNC cosm::Coro<std::unique_ptr<int>> boxed(int v) {
  std::printf("boxed %d\n", v);
  cosm::await(cosm::sleep(0));
  return std::make_unique<int>(v);
}

void show(int v) { std::printf("int %d\n", v); }
void show(const std::string &v) { std::printf("str %s\n", v.c_str()); }

COSM_ASYNC cosm::Coro<void> ticker(int n) {
  for (int i = 0; i < n; ++i) {
    std::printf("tick %d\n", i);
    cosm::await(cosm::sleep(0));
  }
}

template <class... Ts> COSM_ASYNC cosm::Coro<int> all(Ts... ts) {
  int each_1 = 5, values = 7;
  (show(cosm::await(fetch(ts))), ...);
  int sum = (0 + ... + *cosm::await(boxed(int(sizeof(ts)) + each_1 + values)));
  return sum + each_1 + values;
}

COSM_ASYNC cosm::Coro<void> main_coro() {
  cosm::Task<void> t = cosm::create_task(ticker(8));
  int r = cosm::await(all(1, "a", 2));
  std::printf("r %d\n", r);
  int z = cosm::await(all());
  std::printf("z %d\n", z);
  cosm::await(t);
}

int main() { cosm::run(main_coro()); }
