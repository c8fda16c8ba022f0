// --emit=model: every way out of a scope and what it destroys, in order:
// frame objects and the local kept only to be destroyed in order with them
// (`inner`: no suspension follows it) interleaved newest first, on return,
// continue, break, the end of a scope, and unwind() for a frame destroyed
// while suspended.
//
// RUN: %cosm-lower --emit=model %s | FileCheck %s

#include <cosm/cosm.hpp>
#include <cstdio>

struct Guard {
  const char *name;
  ~Guard() { std::printf("~%s\n", name); }
};

COSM_ASYNC cosm::Coro<int> exits(int n) {
  Guard outer{"outer"};
  cosm::await(cosm::sleep(0));
  for (int i = 0; i < n; ++i) {
    Guard loop{"loop"};
    if (i == 1) {
      Guard inner{"inner"};
      if (n > 5)
        return -1;
      continue;
    }
    cosm::await(cosm::sleep(0));
    if (i == 3)
      break;
  }
  return n;
}

// CHECK-LABEL: Function exits <line:17> frame exits_frame result 'int', 3 live bits
// CHECK-NEXT: |-Param 'int' n plain <line:17:38>
// CHECK-NEXT: |-Local 'Guard' outer object live-bit 0 <line:18:9>: a suspension follows it in its scope
// CHECK-NEXT: |-Local 'int' i plain <line:20:12>: a suspension follows it in its scope
// CHECK-NEXT: |-Local 'Guard' loop object live-bit 1 <line:21:11>: a suspension follows it in its scope
// CHECK-NEXT: |-Local 'Guard' inner object live-bit 2 <line:23:13>: destroyed in order with the frame objects around it
// CHECK-NEXT: |-Member child 'cosm::SleepAwaiter' sleep_2 plain <line:19>
// CHECK-NEXT: |-State 1 <line:19:3> await 'cosm::sleep(0)': sleep, via the loop, in sleep_2
// CHECK-NEXT: |-State 2 <line:28:5> await 'cosm::sleep(0)': sleep, via the loop, in sleep_2
// CHECK-NEXT: |-Dispatch 1 -> resume_1, 2 -> resume_2
// CHECK-NEXT: |-Exit return <line:25:9>: destroys inner, loop, outer
// CHECK-NEXT: |-Exit continue <line:26:7>: destroys inner, loop
// CHECK-NEXT: |-Exit break <line:30:7>: destroys loop
// CHECK-NEXT: |-Exit scope-end <line:31:3>: destroys loop
// CHECK-NEXT: |-Exit return <line:32:3>: destroys outer
// CHECK-NEXT: `-Exit unwind <line:17:28>: destroys sleep_2, inner, loop, outer
