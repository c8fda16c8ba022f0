// A coroutine named `child`, awaited by another of the same file, whose
// frame embeds the child's: the slot member must not take the name of the
// child's frame struct. F19 in test/fuzz/FINDINGS.md (fixed: the slot's
// name gives way to every frame type the code names).
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %t.gcc | FileCheck %s
// CHECK: 41

#include <cosm/cosm.hpp>
#include <cstdio>

COSM_ASYNC cosm::Coro<int> child(int n) {
  cosm::await(cosm::sleep(0));
  return n + 1;
}

COSM_ASYNC cosm::Coro<void> parent() {
  int v = cosm::await(child(40));
  std::printf("%d\n", v);
}

int main() { cosm::run(parent()); }
