// A macro that returns early from the function (CHECK_POSITIVE(v) expanding to
// 'if (...) return -1;', the RETURN_IF_ERROR pattern) in an async function:
// the invocation is expanded in place (kept as a comment), and its `return`
// becomes the frame's return sequence.
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: grep -v "^// [A-Z-]*:" %t.cpp | FileCheck %s
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %t.gcc | FileCheck --check-prefix=OUT %s
// CHECK: return_value(-1);
// CHECK: /* expanded: CHECK_POSITIVE(n) */
// OUT: a v -1
// OUT-NEXT: c v 2
// OUT-NEXT: c end
// OUT-NEXT: results -1 -1 2

#include <cosm/cosm.hpp>
#include <cstdio>

#define CHECK_POSITIVE(v) \
  do {                    \
    if ((v) <= 0)         \
      return -1;          \
  } while (0)

COSM_ASYNC cosm::Coro<int> job(const char *who, int n) {
  CHECK_POSITIVE(n);
  cosm::await(cosm::sleep(0));
  int v = n - 3;
  std::printf("%s v %d\n", who, v);
  CHECK_POSITIVE(v);
  cosm::await(cosm::sleep(0));
  std::printf("%s end\n", who);
  return v;
}

COSM_ASYNC cosm::Coro<void> main_() {
  cosm::Task<int> a = cosm::create_task(job("a", 2));
  cosm::Task<int> b = cosm::create_task(job("b", -1));
  cosm::Task<int> c = cosm::create_task(job("c", 5));
  int ra = cosm::await(a);
  int rb = cosm::await(b);
  int rc = cosm::await(c);
  std::printf("results %d %d %d\n", ra, rb, rc);
}

int main() { cosm::run(main_()); }
