// A static local in an async function: one object shared by every call and
// every task; it must stay a static, not become a per-frame copy.
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/static-local.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>
#include <string>

COSM_ASYNC cosm::Coro<int> next_id(const char *who) {
  static int counter = 100;
  static std::string log;
  int mine = ++counter;
  cosm::await(cosm::sleep(0));
  log += who;
  std::printf("%s got %d counter %d log %s\n", who, mine, counter, log.c_str());
  cosm::await(cosm::sleep(0));
  ++counter;
  return mine;
}

COSM_ASYNC cosm::Coro<void> main_() {
  cosm::Task<int> a = cosm::create_task(next_id("a"));
  cosm::Task<int> b = cosm::create_task(next_id("b"));
  int ra = cosm::await(a);
  int rb = cosm::await(b);
  int rc = cosm::await(next_id("c"));
  std::printf("ids %d %d %d\n", ra, rb, rc);
}

int main() { cosm::run(main_()); }
