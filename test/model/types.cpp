// --emit=model: a local type a frame member names nests in the frame; the
// branches of a dependent `if constexpr` with resume points are regions,
// entered through labels of their own.
//
// RUN: %cosm-lower --emit=model %s | FileCheck %s

#include <cosm/cosm.hpp>
#include <type_traits>

COSM_ASYNC cosm::Coro<int> nested() {
  struct Point {
    int x, y;
  };
  Point p{1, 2};
  cosm::await(cosm::sleep(0));
  return p.x + p.y;
}

template <class T> COSM_ASYNC cosm::Coro<int> branches(T v) {
  if constexpr (std::is_integral_v<T>) {
    cosm::await(cosm::sleep(0));
    return 1;
  } else {
    cosm::await(cosm::sleep(0));
    return 2;
  }
}

COSM_ASYNC cosm::Coro<int> both() {
  int a = cosm::await(branches(1));
  int b = cosm::await(branches(1.5));
  return a + b + cosm::await(nested());
}

// CHECK-LABEL: Function nested <line:10> frame nested_frame result 'int', 0 live bits
// CHECK-NEXT: |-Local 'Point' p object <line:14:9>: a suspension follows it in its scope
// CHECK-NEXT: |-Member child 'cosm::SleepAwaiter' sleep_2 plain <line:15>
// CHECK-NEXT: |-State 1 <line:15:3> await 'cosm::sleep(0)': sleep, via the loop, in sleep_2
// CHECK-NEXT: |-Dispatch 1 -> resume_1
// CHECK-NEXT: |-Exit return <line:16:3>: destroys nothing
// CHECK-NEXT: |-Exit unwind <line:10:28>: destroys sleep_2
// CHECK-NEXT: `-LocalType Point: nested in the frame
// CHECK-LABEL: Function branches <line:19> frame branches_frame result 'int', 0 live bits
// CHECK-NEXT: |-Param 'T' v plain <line:19:58>
// CHECK-NEXT: |-Member child 'cosm::SleepAwaiter' sleep_2 plain <line:21>
// CHECK-NEXT: |-State 1 <line:21:5> await 'cosm::sleep(0)': sleep, via the loop, in sleep_2, in region 1
// CHECK-NEXT: |-State 2 <line:24:5> await 'cosm::sleep(0)': sleep, via the loop, in sleep_2, in region 2
// CHECK-NEXT: |-Dispatch 1 -> branch_1, 2 -> branch_2
// CHECK-NEXT: |-Region 1 constexpr-branch <line:20> entry branch_1: 1 -> resume_1
// CHECK-NEXT: |-Region 2 constexpr-branch <line:20> entry branch_2: 2 -> resume_2
// CHECK-NEXT: |-Exit return <line:22:5>: destroys nothing
// CHECK-NEXT: |-Exit return <line:25:5>: destroys nothing
// CHECK-NEXT: `-Exit unwind <line:19:47>: destroys sleep_2
// CHECK-LABEL: Function both <line:29> frame both_frame result 'int', 0 live bits
// CHECK-NEXT: |-Local 'int' a plain <line:30:7>: a suspension follows it in its scope
// CHECK-NEXT: |-Local 'int' b plain <line:31:7>: a suspension follows it in its scope
// CHECK-NEXT: |-Member child 'cosm::Coro<int>' child plain <line:30>
// CHECK-NEXT: |-Member child 'cosm::Coro<int>' child_2 plain <line:31>
// CHECK-NEXT: |-Member saved 'int' saved plain <line:32>
// CHECK-NEXT: |-Member child 'cosm::Coro<int>' child_3 plain <line:32>
// CHECK-NEXT: |-ChildSlot child_frame fits nested_frame <line:32>
// CHECK-NEXT: |-State 1 <line:30:11> await 'branches(1)': coroutine, inline, in child
// CHECK-NEXT: |-State 2 <line:31:11> await 'branches(1.5)': coroutine, inline, in child_2
// CHECK-NEXT: |-State 3 <line:32:18> await 'nested()': coroutine, inline, in child_3, its frame built in child_frame
// CHECK-NEXT: |-Dispatch 1 -> resume_1, 2 -> resume_2, 3 -> resume_3
// CHECK-NEXT: |-Exit return <line:32:3>: destroys nothing
// CHECK-NEXT: `-Exit unwind <line:29:28>: destroys child, child_2, child_3
