// A macro that returns early from the function (CHECK_POSITIVE(v) expanding to
// 'if (...) return -1;', the RETURN_IF_ERROR pattern) in an async function.
//
// Refused: the `return` inside the macro must become the frame's return sequence, and macros are issue 13.
//
// RUN: rm -f %t.cpp
// RUN: not %cosm-lower %s -o %t.cpp 2> %t.err
// RUN: FileCheck %s < %t.err
// RUN: test ! -e %t.cpp
// CHECK: macro-early-return.cpp:{{[0-9]+}}:{{[0-9]+}}: error: cosm-lower must rewrite this code here, but it comes from a macro expansion; write it outside the macro

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
