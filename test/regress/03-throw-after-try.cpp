// Issue 4, named regression test 3: an exception thrown after a try/catch has
// finished normally, and after an await, reaches the caller, not the old
// handler. Covered for a try whose body awaits, a handler that awaits (the
// try statement is restructured), and a try/catch inside a loop body.
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: grep -v CHECK %t.cpp | FileCheck %s
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/03-throw-after-try.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>
#include <stdexcept>
#include <string>

COSM_ASYNC cosm::Coro<int> step(const char *what, int v) {
  std::printf("step %s\n", what);
  cosm::await(cosm::sleep(0));
  return v;
}

// The throw after the try statement is outside every try block of the
// lowered resume().
// CHECK-LABEL: struct after_try_frame
// CHECK: } catch (const std::exception &e) {
// CHECK: throw std::runtime_error("late");
COSM_ASYNC cosm::Coro<int> after_try(bool fail) {
  int n = 0;
  try {
    n += cosm::await(step("in try", 1));
  } catch (const std::exception &e) {
    std::printf("OLD HANDLER (wrong) %s\n", e.what());
  }
  n += cosm::await(step("after try", 2));
  if (fail)
    throw std::runtime_error("late");
  return n;
}

COSM_ASYNC cosm::Coro<int> after_awaiting_handler(bool fail) {
  int n = 0;
  try {
    n += cosm::await(step("in try 2", 1));
    if (n > 100)
      throw std::logic_error("never");
  } catch (const std::logic_error &e) {
    cosm::await(step("OLD HANDLER (wrong)", 0));
  }
  n += cosm::await(step("after try 2", 2));
  if (fail)
    throw std::runtime_error("late 2");
  return n;
}

COSM_ASYNC cosm::Coro<int> in_loop() {
  int n = 0;
  for (int i = 0; i < 3; ++i) {
    try {
      n += cosm::await(step("loop try", i));
    } catch (const std::exception &e) {
      std::printf("OLD LOOP HANDLER (wrong) %s\n", e.what());
    }
    cosm::await(step("loop after try", 0));
    if (i == 2)
      throw std::runtime_error("late in loop " + std::to_string(n));
  }
  return n;
}

COSM_ASYNC cosm::Coro<void> main_() {
  std::printf("ok -> %d\n", cosm::await(after_try(false)));
  try {
    cosm::await(after_try(true));
  } catch (const std::exception &e) {
    std::printf("caller caught %s\n", e.what());
  }
  std::printf("ok 2 -> %d\n", cosm::await(after_awaiting_handler(false)));
  try {
    cosm::await(after_awaiting_handler(true));
  } catch (const std::exception &e) {
    std::printf("caller caught %s\n", e.what());
  }
  // Through a task too: the exception is the task's.
  auto t = cosm::create_task(in_loop());
  try {
    cosm::await(t);
  } catch (const std::exception &e) {
    std::printf("caller caught %s\n", e.what());
  }
}

int main() { cosm::run(main_()); }
