// Range-for with a forwarding reference (for (auto &&item : items)) and an await
// in the body that modifies the element through it.
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/range-for-forwarding-ref.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>
#include <string>
#include <vector>

COSM_ASYNC cosm::Coro<void> shout(const char *who, std::vector<std::string> &items) {
  for (auto &&item : items) {
    cosm::await(cosm::sleep(0));
    item += "!";
    std::printf("%s %s\n", who, item.c_str());
  }
}

COSM_ASYNC cosm::Coro<void> main_() {
  std::vector<std::string> xs = {"x", "y"};
  std::vector<std::string> zs = {"z"};
  cosm::Task<void> a = cosm::create_task(shout("a", xs));
  cosm::Task<void> b = cosm::create_task(shout("b", zs));
  cosm::await(a);
  cosm::await(b);
  std::printf("%s %s %s\n", xs[0].c_str(), xs[1].c_str(), zs[0].c_str());
}

int main() { cosm::run(main_()); }
