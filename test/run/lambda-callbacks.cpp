// Lambdas given to call_soon capture frame locals by reference ([&x], [&]) and
// by value ([=]); the locals live across awaits.
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/lambda-callbacks.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>
COSM_ASYNC cosm::Coro<void> main_() {
  cosm::Loop &loop = cosm::get_running_loop();
  int x = 1;
  cosm::await(cosm::sleep(0));
  loop.call_soon([&x] { std::printf("A %d\n", x); x = 2; });
  loop.call_soon([&] { std::printf("B %d\n", x); x = 3; });
  loop.call_soon([=] { std::printf("C %d\n", x); });
  cosm::await(cosm::sleep(0));
  std::printf("x %d\n", x);
  cosm::await(cosm::sleep(0));
}
int main() { cosm::run(main_()); }
