// A handler that suspends runs after its try statement, with the exception
// kept in the frame. Left by an exception (`throw;`, a new `throw`), the
// exception it kept and its parameter end before the next handler runs, in
// this frame or in the caller's, as C++ ends them; a try block's objects
// are destroyed by a handler whose parameter has their name. Lowered, the
// program prints what the same source prints as ordinary C++ (the plain
// build: awaits and run removed).
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: sed -e 's/cosm::await(/(/g' -e 's/cosm::run(/(/g' %s > %t.plain.cpp
// RUN: %cxx -std=c++17 -w -I%S/Inputs/plain %t.plain.cpp -o %t.plain
// RUN: %t.plain > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>
#include <string>

struct N {
  std::string s;
  explicit N(std::string x) : s(std::move(x)) { std::printf("+%s\n", s.c_str()); }
  N(const N &o) : s(o.s + "c") { std::printf("copy %s\n", s.c_str()); }
  ~N() { std::printf("-%s\n", s.c_str()); }
};

COSM_ASYNC cosm::Coro<void> rethrown() {
  try {
    try {
      throw N("a");
    } catch (N e) {
      cosm::await(cosm::sleep(0));
      std::printf("inner %s\n", e.s.c_str());
      throw;
    }
  } catch (const N &e) {
    std::printf("outer %s\n", e.s.c_str());
  }
  std::printf("rethrown done\n");
}

COSM_ASYNC cosm::Coro<void> replaced() {
  try {
    try {
      throw N("b");
    } catch (N &e) {
      cosm::await(cosm::sleep(0));
      std::printf("inner %s\n", e.s.c_str());
      throw N("b2");
    }
  } catch (const N &e) {
    std::printf("outer %s\n", e.s.c_str());
  }
  std::printf("replaced done\n");
}

COSM_ASYNC cosm::Coro<void> escapes() {
  try {
    throw N("d");
  } catch (N &e) {
    cosm::await(cosm::sleep(0));
    throw N(e.s + "2");
  }
}

COSM_ASYNC cosm::Coro<void> same_name() {
  try {
    N x("x");
    cosm::await(cosm::sleep(0));
    throw 7;
  } catch (int x) {
    std::printf("caught %d\n", x);
  }
}

COSM_ASYNC cosm::Coro<void> amain() {
  cosm::await(rethrown());
  cosm::await(replaced());
  try {
    cosm::await(escapes());
  } catch (const N &e) {
    std::printf("caller %s\n", e.s.c_str());
  }
  cosm::await(same_name());
  std::printf("end\n");
}

int main() { cosm::run(amain()); }
