// Fire and forget: cosm::create_task(f()); with the handle dropped at once (in a
// loop too); the tasks still run, interleaved with their creator, as in asyncio.
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/fire-and-forget.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>
#include <string>

int finished = 0;

COSM_ASYNC cosm::Coro<void> background(std::string name, int rounds) {
  for (int i = 0; i < rounds; ++i) {
    cosm::await(cosm::sleep(0));
    std::printf("%s round %d\n", name.c_str(), i);
  }
  ++finished;
}

COSM_ASYNC cosm::Coro<void> main_() {
  cosm::create_task(background("solo", 2));
  for (int k = 0; k < 2; ++k)
    cosm::create_task(background("loop" + std::to_string(k), 1));
  for (int i = 0; i < 4; ++i) {
    cosm::await(cosm::sleep(0));
    std::printf("main %d finished %d\n", i, finished);
  }
}

int main() { cosm::run(main_()); }
