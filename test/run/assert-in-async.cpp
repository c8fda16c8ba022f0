// `__PRETTY_FUNCTION__` in an async function, written there or in a macro
// of the program, names the function, not the frame's resume(). `assert`
// (a system header's macro) is left as written, so the lowered code follows
// the compile's NDEBUG; with --line-directives its message has the source's
// file and line.
//
// RUN: %cosm-lower --line-directives %s -o %t.cpp
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %t.gcc | FileCheck %s
// RUN: %t.clang | FileCheck %s
// RUN: not --crash %t.gcc fail 2>&1 | FileCheck --check-prefix=FAILED %s
// RUN: not --crash %t.clang fail 2>&1 | FileCheck --check-prefix=FAILED %s
// RUN: %cxx %cosm_cxxflags -DNDEBUG %t.cpp %cosm_ldflags -o %t.ndebug
// RUN: %t.ndebug fail | FileCheck --check-prefix=NDEBUG %s

#include <cassert>
#include <cosm/cosm.hpp>
#include <cstdio>
#include <cstring>

#define SIGNATURE() std::printf("%s\n", __PRETTY_FUNCTION__)

COSM_ASYNC cosm::Coro<int> child(int x) {
  cosm::await(cosm::sleep(0));
  std::printf("%s\n", __PRETTY_FUNCTION__);
  SIGNATURE();
  assert(x == 3);
  return x;
}

static bool Fail = false;

COSM_ASYNC cosm::Coro<void> amain() {
  int v = cosm::await(child(Fail ? 4 : 3));
  std::printf("%d\n", v);
}

int main(int argc, char **argv) {
  Fail = argc > 1 && std::strcmp(argv[1], "fail") == 0;
  cosm::run(amain());
}

// CHECK: cosm::Coro<int> child(int)
// CHECK-NEXT: cosm::Coro<int> child(int)
// CHECK-NEXT: 3
// FAILED: assert-in-async.cpp:28: {{.*}}Assertion `x == 3' failed.
// NDEBUG: 4
