// Using-directives and using-declarations inside an async body ('using namespace
// std::string_literals;' for "x"s, 'using std::swap;'), with locals across awaits.
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/using-in-body.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>
#include <string>
#include <utility>

COSM_ASYNC cosm::Coro<std::string> pair_up(const char *who) {
  using namespace std::string_literals;
  using std::swap;
  std::string left = "left-"s + who;
  std::string right = "right-"s + who;
  cosm::await(cosm::sleep(0));
  swap(left, right);
  std::printf("%s %s %s\n", who, left.c_str(), right.c_str());
  cosm::await(cosm::sleep(0));
  return left + "|"s + right;
}

COSM_ASYNC cosm::Coro<void> main_() {
  cosm::Task<std::string> a = cosm::create_task(pair_up("a"));
  cosm::Task<std::string> b = cosm::create_task(pair_up("b"));
  std::string ra = cosm::await(a);
  std::string rb = cosm::await(b);
  std::printf("%s %s\n", ra.c_str(), rb.c_str());
}

int main() { cosm::run(main_()); }
