// --emit=model: what the lowering adds to the frame and why: temporaries
// C++ keeps to the end of a full-expression, conditions whose right side
// suspends, the chosen side of a `?:`; a parameter renamed because the
// frame's base uses its name, shown with the name the user wrote.
//
// RUN: %cosm-lower --emit=model %s | FileCheck %s

#include <cosm/cosm.hpp>
#include <string>

COSM_ASYNC cosm::Coro<int> size(const std::string &s) {
  cosm::await(cosm::sleep(0));
  return int(s.size());
}

COSM_ASYNC cosm::Coro<int> members(int state, int live) {
  int total = state + live;
  total += cosm::await(size(std::string("temporary")));
  if (total > 3 && cosm::await(size("x")) > 0)
    ++total;
  int child = total > 0 ? cosm::await(size("yes")) : 0;
  return total + child;
}

// CHECK-LABEL: Function size <line:11> frame size_frame result 'int', 0 live bits
// CHECK-NEXT: |-Param 'const std::string &' s reference <line:11:52>
// CHECK-NEXT: |-Member child 'cosm::SleepAwaiter' sleep_2 plain <line:12>
// CHECK-NEXT: |-State 1 <line:12:3> await 'cosm::sleep(0)': sleep, via the loop, in sleep_2
// CHECK-NEXT: |-Dispatch 1 -> resume_1
// CHECK-NEXT: |-Exit return <line:13:3>: destroys nothing
// CHECK-NEXT: `-Exit unwind <line:11:28>: destroys sleep_2
// CHECK-LABEL: Function members <line:16> frame members_frame result 'int', 3 live bits
// CHECK-NEXT: |-Param 'int' state_2 (written 'state') plain <line:16:40>
// CHECK-NEXT: |-Param 'int' live plain <line:16:51>
// CHECK-NEXT: |-Local 'int' total plain <line:17:7>: a suspension follows it in its scope
// CHECK-NEXT: |-Member child 'cosm::Coro<int>' child_2 plain <line:18>
// CHECK-NEXT: |-ChildSlot child_frame fits size_frame <line:18>
// CHECK-NEXT: |-Member temporary 'std::string' temp object live-bit 0 <line:18>
// CHECK-NEXT: |-Member condition 'bool' condition plain <line:19>
// CHECK-NEXT: |-Member child 'cosm::Coro<int>' child_3 plain <line:19>
// CHECK-NEXT: |-Member temporary 'std::string' temp_2 object live-bit 1 <line:19>
// CHECK-NEXT: |-Member condition 'bool' condition_2 plain <line:19>
// CHECK-NEXT: |-Member chosen 'int' chosen plain <line:21>
// CHECK-NEXT: |-Member child 'cosm::Coro<int>' child_4 plain <line:21>
// CHECK-NEXT: |-Member temporary 'std::string' temp_3 object live-bit 2 <line:21>
// CHECK-NEXT: |-State 1 <line:18:12> await 'size(std::string("temporary"))': coroutine, inline, in child_2, its frame built in child_frame
// CHECK-NEXT: |-State 2 <line:19:20> await 'size("x")': coroutine, inline, in child_3, its frame built in child_frame
// CHECK-NEXT: |-State 3 <line:21:27> await 'size("yes")': coroutine, inline, in child_4, its frame built in child_frame
// CHECK-NEXT: |-Dispatch 1 -> resume_1, 2 -> resume_2, 3 -> resume_3
// CHECK-NEXT: |-Exit return <line:22:3>: destroys nothing
// CHECK-NEXT: `-Exit unwind <line:16:28>: destroys child_2, child_3, child_4, temp_3, temp_2, temp
