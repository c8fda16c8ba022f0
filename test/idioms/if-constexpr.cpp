// 'if constexpr' in an async function template: the discarded branch (which
// would not compile for that T) holds an await and must stay discarded.
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/if-constexpr.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>
#include <string>
#include <type_traits>

template <class T> COSM_ASYNC cosm::Coro<std::string> describe(T v) {
  std::string out;
  if constexpr (std::is_integral_v<T>) {
    cosm::await(cosm::sleep(0));
    out = "int " + std::to_string(v * 2);
  } else {
    cosm::await(cosm::sleep(0));
    cosm::await(cosm::sleep(0));
    out = "str " + v + "!";
  }
  std::printf("described %s\n", out.c_str());
  return out;
}

COSM_ASYNC cosm::Coro<void> main_() {
  cosm::Task<std::string> a = cosm::create_task(describe(std::string("x")));
  cosm::Task<std::string> b = cosm::create_task(describe(21));
  std::string ra = cosm::await(a);
  std::string rb = cosm::await(b);
  std::printf("results %s / %s\n", ra.c_str(), rb.c_str());
}

int main() { cosm::run(main_()); }
