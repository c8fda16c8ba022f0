// const parameters (by value, const&, const pointer) of async functions, read
// after awaits; a const local too.
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/const-parameters.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>
#include <string>
#include <vector>

COSM_ASYNC cosm::Coro<int> measure(const int id, const std::string &label, const std::vector<int> &v,
                                   const char *const tag) {
  const int first = v.empty() ? -1 : v.front();
  cosm::await(cosm::sleep(0));
  std::printf("%s %d %s first %d size %zu\n", tag, id, label.c_str(), first, v.size());
  cosm::await(cosm::sleep(0));
  return id + first;
}

COSM_ASYNC cosm::Coro<void> main_() {
  const std::string la = "alpha";
  const std::vector<int> va = {4, 5};
  cosm::Task<int> a = cosm::create_task(measure(1, la, va, "A"));
  cosm::Task<int> b = cosm::create_task(measure(2, la, va, "B"));
  int rc = cosm::await(measure(3, "gamma", {9}, "C")); // temporaries live to the end of the await
  int ra = cosm::await(a);
  int rb = cosm::await(b);
  std::printf("results %d %d %d\n", ra, rb, rc);
}

int main() { cosm::run(main_()); }
