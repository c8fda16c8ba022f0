// --line-directives and a debugger: a breakpoint set on the user's file and
// line stops in the lowered resume() at that line, and stepping goes on to
// the user's next line (g++ -g, gdb).
//
// REQUIRES: gdb
// RUN: %cosm-lower --line-directives %s -o %t.cpp
// RUN: %cxx %cosm_cxxflags -g -O0 %t.cpp %cosm_ldflags -o %t
// RUN: grep -n '// BREAK[P]OINT' %s | cut -d: -f1 > %t.line
// RUN: gdb -q -batch -ex "break line-directives-gdb.cpp:$(cat %t.line)" -ex run -ex next %t 2>&1 | FileCheck %s -DFILE=%s

#include <cosm/cosm.hpp>
#include <cstdio>

COSM_ASYNC cosm::Coro<int> twice(int n) { return 2 * n; }

COSM_ASYNC cosm::Coro<int> work() {
  int a = cosm::await(twice(1));
  int b = cosm::await(twice(a)); // BREAKPOINT
  // CHECK: Breakpoint 1, work_frame::resume {{.*}} at [[FILE]]:[[#@LINE-1]]
  std::printf("%d\n", a + b);
  // CHECK: [[#@LINE-1]] {{.*}}std::printf
  return a + b;
}

int main() { return cosm::run(work()) == 6 ? 0 : 1; }
