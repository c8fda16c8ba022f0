// --emit=model: locals never alive at once say whose storage they reuse,
// and a goto is an exit that destroys what it leaves (and, jumping back,
// what was declared after its label).
//
// RUN: %cosm-lower --emit=model %s | FileCheck %s

#include <cosm/cosm.hpp>
#include <string>

cosm::Coro<bool> attempt(int n);

COSM_ASYNC cosm::Coro<int> retry(bool fast) {
  int n = 0;
  if (fast) {
    std::string quick = "quick";
    cosm::await(attempt(-1));
  } else {
    std::string slow = "slow";
    cosm::await(attempt(-2));
  }
again:
  std::string note = "note";
  if (!cosm::await(attempt(n)) && ++n < 3)
    goto again;
  return n;
}

// CHECK: Local 'std::string' quick object live-bit 0 <line:15:17>: a suspension follows it in its scope
// CHECK-NEXT: Local 'std::string' slow object live-bit 1 <line:18:17>: a suspension follows it in its scope; storage of quick
// CHECK-NEXT: Local 'std::string' note object live-bit 2 <line:22:15>: a suspension follows it in its scope; storage of quick, slow
// CHECK: Exit goto <line:24:5>: destroys note
