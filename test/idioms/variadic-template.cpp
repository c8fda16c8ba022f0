// A variadic template async function (template <class... Args>, a logging helper
// that waits and then formats its pack).
//
// Refused: a frame cannot hold a function parameter pack as a member (lowering it through a std::tuple is issue 13).
//
// RUN: rm -f %t.cpp
// RUN: not %cosm-lower %s -o %t.cpp 2> %t.err
// RUN: FileCheck %s < %t.err
// RUN: test ! -e %t.cpp
// CHECK: variadic-template.cpp:{{[0-9]+}}:{{[0-9]+}}: error: cosm-lower cannot lower a function parameter pack of a COSM_ASYNC template (pass a std::tuple)

#include <cosm/cosm.hpp>
#include <cstdio>
#include <string>

template <class... Args> COSM_ASYNC cosm::Coro<int> log_later(const char *fmt, Args... args) {
  cosm::await(cosm::sleep(0));
  std::printf(fmt, args...);
  return static_cast<int>(sizeof...(Args));
}

COSM_ASYNC cosm::Coro<void> main_() {
  cosm::Task<int> a = cosm::create_task(log_later("a %d %d\n", 1, 2));
  cosm::Task<int> b = cosm::create_task(log_later("b %s\n", "x"));
  int ra = cosm::await(a);
  int rb = cosm::await(b);
  int rc = cosm::await(log_later("c\n"));
  std::printf("counts %d %d %d\n", ra, rb, rc);
}

int main() { cosm::run(main_()); }
