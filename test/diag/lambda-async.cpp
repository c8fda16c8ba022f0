// A lambda marked COSM_ASYNC (the attribute position C++17 clang accepts, with
// a C++23-extension warning) is refused with a clear error instead of being
// copied unlowered.
//
// Fails: F11 in test/fuzz/FINDINGS.md (exit status 0, the output then fails
// to compile with the "cosm::await must be lowered" static_assert).
//
// RUN: not %cosm-lower %s -o %t.cpp 2>&1 | FileCheck %s
// CHECK: error: cosm-lower cannot lower a COSM_ASYNC lambda yet

#include <cosm/cosm.hpp>

int main() {
  auto l = [] COSM_ASYNC () -> cosm::Coro<void> { cosm::await(cosm::sleep(0)); };
  (void)l;
}
