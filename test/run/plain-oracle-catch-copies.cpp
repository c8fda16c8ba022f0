// A handler that suspends keeps its parameter in the frame: `catch (E e)`
// copies the exception once, as C++ does (the handler binds it by
// reference and the frame's copy is the parameter), `catch (E &e)` and
// `catch (const E &e)` copy nothing. Lowered, the program prints what the
// same source prints as ordinary C++ (the plain build: awaits and run
// removed).
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: grep -v CHECK %t.cpp | FileCheck %s
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: sed -e 's/cosm::await(/(/g' -e 's/cosm::run(/(/g' %s > %t.plain.cpp
// RUN: %cxx -std=c++17 -w -I%S/Inputs/plain %t.plain.cpp -o %t.plain
// RUN: %t.plain > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>

struct E {
  int copies = 0;
  E() = default;
  E(const E &o) : copies(o.copies + 1) { std::printf("copy %d\n", copies); }
  ~E() { std::printf("~E %d\n", copies); }
};

COSM_ASYNC cosm::Coro<void> main_() {
  try {
    throw E();
    // CHECK: } catch (E &e) {
  } catch (E e) {
    cosm::await(cosm::sleep(0));
    e.copies += 10;
    std::printf("by value: copies %d\n", e.copies);
  }
  try {
    throw E();
  } catch (E &e) {
    cosm::await(cosm::sleep(0));
    std::printf("by reference: copies %d\n", e.copies);
  }
  try {
    throw E();
  } catch (const E &e) {
    cosm::await(cosm::sleep(0));
    std::printf("by const reference: copies %d\n", e.copies);
  }
}

int main() { cosm::run(main_()); }
