// A reference local bound to a container element (auto &entry = cache[key];)
// kept across awaits and updated after them; another task sees the updates.
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/reference-to-element.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>
#include <map>
#include <string>

std::map<std::string, int> cache;

COSM_ASYNC cosm::Coro<void> count(std::string key, int times) {
  auto &entry = cache[key];
  const std::string &k = key;
  for (int i = 0; i < times; ++i) {
    cosm::await(cosm::sleep(0));
    entry += 1;
    std::printf("%s -> %d (map says %d)\n", k.c_str(), entry, cache.at(k));
  }
}

COSM_ASYNC cosm::Coro<void> main_() {
  cosm::Task<void> a = cosm::create_task(count("x", 2));
  cosm::Task<void> b = cosm::create_task(count("x", 2));
  cosm::Task<void> c = cosm::create_task(count("y", 1));
  cosm::await(a);
  cosm::await(b);
  cosm::await(c);
  std::printf("x %d y %d\n", cache["x"], cache["y"]);
}

int main() { cosm::run(main_()); }
