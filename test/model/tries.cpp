// --emit=model: try blocks with resume points are regions the dispatch
// enters through their entry labels, outer to inner; a handler that
// suspends keeps the exception (`caught`) and its parameter in the frame;
// entering a handler destroys the try block's frame objects.
//
// RUN: %cosm-lower --emit=model %s | FileCheck %s

#include <cosm/cosm.hpp>
#include <stdexcept>
#include <string>

COSM_ASYNC cosm::Coro<int> tries(int n) {
  try {
    std::string s = "kept";
    try {
      cosm::await(cosm::sleep(0));
      if (n)
        throw std::runtime_error(s);
    } catch (const std::logic_error &) {
      return 1;
    }
  } catch (const std::runtime_error &e) {
    cosm::await(cosm::sleep(0));
    return 2;
  }
  return 0;
}

// CHECK-LABEL: Function tries <line:12> frame tries_frame result 'int', 1 live bits
// CHECK-NEXT: |-Param 'int' n plain <line:12:38>
// CHECK-NEXT: |-Local 'std::string' s object live-bit 0 <line:14:17>: a suspension follows it in its scope
// CHECK-NEXT: |-Local 'const std::runtime_error' e pointer <line:22:38>: a suspension follows it in its scope
// CHECK-NEXT: |-Member caught 'std::exception_ptr' caught plain <line:13>
// CHECK-NEXT: |-Member child 'cosm::SleepAwaiter' sleep_2 plain <line:16>
// CHECK-NEXT: |-State 1 <line:16:7> await 'cosm::sleep(0)': sleep, via the loop, in sleep_2, in region 2
// CHECK-NEXT: |-State 2 <line:23:5> await 'cosm::sleep(0)': sleep, via the loop, in sleep_2
// CHECK-NEXT: |-Dispatch 1 -> try_1, 2 -> resume_2
// CHECK-NEXT: |-Region 1 try <line:13> entry try_1: 1 -> try_2
// CHECK-NEXT: |-Region 2 try <line:15> entry try_2: 1 -> resume_1
// CHECK-NEXT: |-Exit handler <line:19:7>: destroys nothing
// CHECK-NEXT: |-Exit return <line:20:7>: destroys s
// CHECK-NEXT: |-Exit scope-end <line:22:3>: destroys s
// CHECK-NEXT: |-Exit handler <line:22:5>: destroys s
// CHECK-NEXT: |-Exit return <line:24:5>: destroys nothing
// CHECK-NEXT: |-Exit return <line:26:3>: destroys nothing
// CHECK-NEXT: `-Exit unwind <line:12:28>: destroys sleep_2, s
