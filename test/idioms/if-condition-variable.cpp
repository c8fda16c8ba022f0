// if with a condition variable or an init-statement (if (auto *p = ...),
// if (auto it = m.find(k); it != m.end())) in an async function, next to awaits.
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/if-condition-variable.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>
#include <map>
#include <string>

std::map<std::string, int> table = {{"a", 1}, {"b", 2}};

int *lookup(const std::string &k) {
  auto it = table.find(k);
  return it == table.end() ? nullptr : &it->second;
}

COSM_ASYNC cosm::Coro<int> bump(std::string key) {
  cosm::await(cosm::sleep(0));
  if (int *p = lookup(key)) {
    *p += 10;
    std::printf("%s bumped to %d\n", key.c_str(), *p);
  } else {
    std::printf("%s missing\n", key.c_str());
  }
  cosm::await(cosm::sleep(0));
  if (auto it = table.find(key); it != table.end())
    return it->second;
  return -1;
}

COSM_ASYNC cosm::Coro<void> main_() {
  cosm::Task<int> a = cosm::create_task(bump("a"));
  cosm::Task<int> z = cosm::create_task(bump("z"));
  int ra = cosm::await(a);
  int rz = cosm::await(z);
  std::printf("results %d %d\n", ra, rz);
}

int main() { cosm::run(main_()); }
