// [[maybe_unused]] on locals of an async function (one living across an await,
// one only used in an assert) and on a parameter: the attribute must survive.
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/maybe-unused.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <cassert>
#include <cstdio>
#include <string>

COSM_ASYNC cosm::Coro<int> step(const char *who, [[maybe_unused]] int unused_param) {
  [[maybe_unused]] std::string note = std::string(who) + " note";
  [[maybe_unused]] int checked = 3;
  assert(checked == 3);
  cosm::await(cosm::sleep(0));
  [[maybe_unused]] const int after = 5;
  std::printf("%s stepped\n", who);
  cosm::await(cosm::sleep(0));
  std::printf("%s again\n", who);
  return 1;
}

COSM_ASYNC cosm::Coro<void> main_() {
  cosm::Task<int> a = cosm::create_task(step("a", 0));
  cosm::Task<int> b = cosm::create_task(step("b", 0));
  [[maybe_unused]] int ra = cosm::await(a);
  int rb = cosm::await(b);
  std::printf("rb %d\n", rb);
}

int main() { cosm::run(main_()); }
