// Awaits written in macros: in a macro's argument (LOG), in its body
// (NAP), in both at once (TRACE_AWAIT, which also stringifies its argument),
// in assert(), in an invocation spread over several lines, and through a
// macro that uses another. Each invocation is expanded in place and lowered;
// with --line-directives the lines after an invocation keep their numbers.
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/await-macros.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -
// RUN: %cosm-lower --line-directives %s -o %t.lines.cpp
// RUN: %cxx %cosm_cxxflags %t.lines.cpp %cosm_ldflags -o %t.lines
// RUN: %t.lines | diff %t.want -

#include <cosm/cosm.hpp>
#include <cassert>
#include <cstdio>

#define LOG(what, x) std::printf("%s %d\n", what, (x))
#define NAP() cosm::await(cosm::sleep(0))
#define TRACE_AWAIT(e) (std::printf("awaiting %s\n", #e), cosm::await(e))
#define TWICE(e) (TRACE_AWAIT(e) * 2)

COSM_ASYNC cosm::Coro<int> value(const char *who, int v) {
  std::printf("%s value %d\n", who, v);
  NAP();
  return v;
}

COSM_ASYNC cosm::Coro<void> worker(const char *who) {
  LOG(who, cosm::await(value(who, 1)));
  NAP();
  int t = TRACE_AWAIT(value(who, 2));
  assert(cosm::await(value(who, 3)) == 3);
  int spread = TWICE(value(who,
                           4));
  std::printf("%s t %d spread %d\n", who, t, spread);
}

COSM_ASYNC cosm::Coro<void> amain() {
  cosm::Task<void> a = cosm::create_task(worker("a"));
  cosm::Task<void> b = cosm::create_task(worker("b"));
  cosm::await(a);
  cosm::await(b);
}

int main() { cosm::run(amain()); }
