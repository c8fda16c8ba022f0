// #if / #ifdef / #else inside an async body, around awaits and around locals
// that live across awaits (feature flags, debug logging).
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/preprocessor-conditionals.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>

#define VERBOSE 1
#define EXTRA_STEP

COSM_ASYNC cosm::Coro<int> job(const char *who, int n) {
  int acc = n;
#if VERBOSE
  std::printf("%s start %d\n", who, n);
#endif
  cosm::await(cosm::sleep(0));
#ifdef EXTRA_STEP
  int extra = acc * 2;
  cosm::await(cosm::sleep(0));
  acc += extra;
#else
  acc += 1000;
#endif
#if defined(NOT_DEFINED_ANYWHERE)
  cosm::await(cosm::sleep(0));
  acc = -1;
#elif VERBOSE > 0
  std::printf("%s acc %d\n", who, acc);
#endif
#ifndef EXTRA_STEP
  return 0;
#endif
  return acc;
}

COSM_ASYNC cosm::Coro<void> main_() {
  cosm::Task<int> a = cosm::create_task(job("a", 1));
  cosm::Task<int> b = cosm::create_task(job("b", 5));
  int ra = cosm::await(a);
  int rb = cosm::await(b);
  std::printf("results %d %d\n", ra, rb);
}

int main() { cosm::run(main_()); }
