// --emit=model: the kind of each await. A coroutine runs inline (its frame
// built in the child slot when it is defined above in this file); a sleep, a
// task or a future is waited for through the loop, a sleep in a member of its
// own, a named one in place, one computed by the operand in an `awaited` one.
//
// RUN: %cosm-lower --emit=model %s | FileCheck %s

#include <cosm/cosm.hpp>

COSM_ASYNC cosm::Coro<int> leaf(int x) {
  cosm::await(cosm::sleep(0));
  return x + 1;
}

COSM_ASYNC cosm::Coro<int> kinds(cosm::Future<int> f) {
  int a = cosm::await(leaf(1));
  cosm::Task<int> t = cosm::create_task(leaf(2));
  int b = cosm::await(t);
  int c = cosm::await(f);
  int d = cosm::await(cosm::create_task(leaf(3)));
  return a + b + c + d;
}

// CHECK-LABEL: Function leaf <line:10> frame leaf_frame result 'int', 0 live bits
// CHECK-NEXT: |-Param 'int' x plain <line:10:37>
// CHECK-NEXT: |-Member child 'cosm::SleepAwaiter' sleep_2 plain <line:11>
// CHECK-NEXT: |-State 1 <line:11:3> await 'cosm::sleep(0)': sleep, via the loop, in sleep_2
// CHECK-NEXT: |-Dispatch 1 -> resume_1
// CHECK-NEXT: |-Exit return <line:12:3>: destroys nothing
// CHECK-NEXT: `-Exit unwind <line:10:28>: destroys sleep_2
// CHECK-LABEL: Function kinds <line:15> frame kinds_frame result 'int', 1 live bits
// CHECK-NEXT: |-Param 'cosm::Future<int>' f plain <line:15:52>
// CHECK-NEXT: |-Local 'int' a plain <line:16:7>: a suspension follows it in its scope
// CHECK-NEXT: |-Local 'cosm::Task<int>' t object live-bit 0 <line:17:19>: a suspension follows it in its scope
// CHECK-NEXT: |-Local 'int' b plain <line:18:7>: a suspension follows it in its scope
// CHECK-NEXT: |-Local 'int' c plain <line:19:7>: a suspension follows it in its scope
// CHECK-NEXT: |-Member child 'cosm::Coro<int>' child plain <line:16>
// CHECK-NEXT: |-ChildSlot child_frame fits leaf_frame <line:16>
// CHECK-NEXT: |-Member awaited 'cosm::Task<int>' awaited plain <line:20>
// CHECK-NEXT: |-State 1 <line:16:11> await 'leaf(1)': coroutine, inline, in child, its frame built in child_frame
// CHECK-NEXT: |-State 2 <line:18:11> await 't': task t, via the loop
// CHECK-NEXT: |-State 3 <line:19:11> await 'f': future f, via the loop
// CHECK-NEXT: |-State 4 <line:20:11> await 'cosm::create_task(leaf(3))': task awaited, via the loop
// CHECK-NEXT: |-Dispatch 1 -> resume_1, 2 -> resume_2, 3 -> resume_3, 4 -> resume_4
// CHECK-NEXT: |-Exit return <line:21:3>: destroys t
// CHECK-NEXT: `-Exit unwind <line:15:28>: destroys child, t
