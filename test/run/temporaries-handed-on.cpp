// Coroutines handed to what awaits them later (gather, wait_for, timeout,
// shield, create_task) with temporaries bound to their reference parameters:
// C++ keeps those temporaries to the end of the full-expression, past the
// await, so the frame keeps them too (they were destroyed at the statement
// that made the gathering future). A ticker task interleaves.
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: grep -v CHECK %t.cpp | FileCheck %s
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/temporaries-handed-on.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>
#include <string>

COSM_ASYNC cosm::Coro<size_t> len(const std::string &s) {
  cosm::await(cosm::sleep(0));
  cosm::await(cosm::sleep(0.001));
  return s.size() + (s[0] == 'w');
}

static std::string mk(int n) { return std::string(n, 'w'); }

COSM_ASYNC cosm::Coro<void> ticker() {
  for (int i = 0; i < 3; ++i) {
    std::printf("tick %d\n", i);
    cosm::await(cosm::sleep(0));
  }
}

COSM_ASYNC cosm::Coro<void> main_() {
  cosm::Task<void> tick = cosm::create_task(ticker());
  // CHECK: ::new (&temp) std::string(std::string(40, 'w'));
  // CHECK: awaited = cosm::gather(len(temp), len(temp_3));
  auto [a, b] = cosm::await(
      cosm::gather(len(std::string(40, 'w')), len(mk(50) + "tail")));
  std::printf("%zu %zu\n", a, b);
  std::printf("%zu\n", cosm::await(cosm::wait_for(len(mk(60)), 5.0)));
  std::printf("%zu\n", cosm::await(cosm::timeout(5.0, len(mk(70)))));
  std::printf("%zu\n", cosm::await(cosm::shield(len(mk(80)))));
  std::printf("%zu\n", cosm::await(len(mk(90) + mk(10))));
  std::printf("%zu\n", cosm::await(cosm::create_task(len(mk(100)))));
  cosm::await(tick);
}

int main() { cosm::run(main_()); }
