// Trailing return types on async functions (auto f() -> cosm::Coro<T>), free,
// member defined in the class and member defined out of line.
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/trailing-return-type.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>
#include <string>

COSM_ASYNC auto square(int x) -> cosm::Coro<int> {
  cosm::await(cosm::sleep(0));
  std::printf("square %d\n", x);
  return x * x;
}

struct Calc {
  int base;
  COSM_ASYNC auto add(int x) -> cosm::Coro<int> {
    int s = cosm::await(square(x));
    return base + s;
  }
  COSM_ASYNC auto name(int x) -> cosm::Coro<std::string>;
};

COSM_ASYNC auto Calc::name(int x) -> cosm::Coro<std::string> {
  int v = cosm::await(add(x));
  return "v" + std::to_string(v);
}

COSM_ASYNC auto main_() -> cosm::Coro<void> {
  Calc c{100};
  cosm::Task<std::string> a = cosm::create_task(c.name(2));
  cosm::Task<int> b = cosm::create_task(c.add(3));
  int rb = cosm::await(b);
  std::string ra = cosm::await(a);
  std::printf("%s %d\n", ra.c_str(), rb);
}

int main() { cosm::run(main_()); }
