// Overloaded async functions (same name, different parameters: int, string,
// two ints), each awaited; their frames must not collide.
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/overloads.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>
#include <string>

COSM_ASYNC cosm::Coro<std::string> show(int x) {
  cosm::await(cosm::sleep(0));
  return "int " + std::to_string(x);
}

COSM_ASYNC cosm::Coro<std::string> show(std::string s) {
  cosm::await(cosm::sleep(0));
  return "str " + s;
}

COSM_ASYNC cosm::Coro<std::string> show(int a, int b) {
  std::string left = cosm::await(show(a));
  std::string right = cosm::await(show(b));
  return left + "," + right;
}

COSM_ASYNC cosm::Coro<void> say(const char *who, int a, int b) {
  std::string r = cosm::await(show(a, b));
  std::printf("%s %s\n", who, r.c_str());
  std::printf("%s %s\n", who, cosm::await(show(std::string(who))).c_str());
}

COSM_ASYNC cosm::Coro<void> main_() {
  cosm::Task<void> t1 = cosm::create_task(say("a", 1, 2));
  cosm::Task<void> t2 = cosm::create_task(say("b", 3, 4));
  cosm::await(t1);
  cosm::await(t2);
}

int main() { cosm::run(main_()); }
