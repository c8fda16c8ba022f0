// An exception that leaves cosm::run after the program printed: what was
// printed reaches stdout even though stdout is a pipe (Python prints it, then
// the traceback on stderr).
//
// Fails: F7 in test/fuzz/FINDINGS.md (std::terminate aborts with stdout's
// buffer unflushed).
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: not %python %S/Inputs/uncaught-flush.py > %t.want 2> /dev/null
// RUN: (%t.gcc || true) 2> /dev/null | diff %t.want -
// RUN: (%t.clang || true) 2> /dev/null | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>
#include <stdexcept>

COSM_ASYNC cosm::Coro<void> main_() {
  std::puts("before");
  cosm::await(cosm::sleep(0));
  std::puts("after");
  throw std::runtime_error("boom");
}

int main() { cosm::run(main_()); }
