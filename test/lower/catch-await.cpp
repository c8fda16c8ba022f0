// Awaits inside catch handlers: the handler runs after the try statement
// with the exception kept in the frame; `throw;` after an await rethrows the
// original exception, and a `continue` from the handler discards it.
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: grep -v CHECK %t.cpp | FileCheck %s
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/catch-await.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

// CHECK-LABEL: struct rethrows_frame
// CHECK: const std::runtime_error *e;
// CHECK-NEXT: std::exception_ptr caught;
// CHECK: } catch (const std::runtime_error &e) {
// CHECK-NEXT: caught = std::current_exception();
// CHECK-NEXT: this->e = std::addressof(e);
// CHECK: if (caught) {
// CHECK: std::rethrow_exception(caught);
// CHECK-LABEL: struct loop_frame
// CHECK: if (i == 1) {
// CHECK-NEXT: caught = nullptr;
// CHECK-NEXT: continue;

#include <cosm/cosm.hpp>
#include <cstdio>
#include <stdexcept>
#include <string>
COSM_ASYNC cosm::Coro<int> fails(int v) { cosm::await(cosm::sleep(0)); if (v % 2) throw std::runtime_error("odd " + std::to_string(v)); return v; }
COSM_ASYNC cosm::Coro<void> log(std::string s) { cosm::await(cosm::sleep(0)); std::printf("log: %s\n", s.c_str()); }
COSM_ASYNC cosm::Coro<void> rethrows() {
  try {
    cosm::await(fails(1));
  } catch (const std::runtime_error &e) {
    cosm::await(log(std::string("handling ") + e.what()));
    std::printf("still %s\n", e.what());
    throw;
  }
}
COSM_ASYNC cosm::Coro<int> loop() {
  int n = 0;
  for (int i = 0; i < 4; ++i) {
    try {
      n += cosm::await(fails(i));
    } catch (std::runtime_error &e) {
      cosm::await(log(e.what()));
      if (i == 1) continue;
      std::printf("after log %d\n", i);
    } catch (...) {
      std::puts("other");
    }
    std::printf("end %d\n", i);
  }
  return n;
}
COSM_ASYNC cosm::Coro<void> main_() {
  try {
    cosm::await(rethrows());
  } catch (const std::exception &e) {
    std::printf("main caught %s\n", e.what());
  }
  int n = cosm::await(loop());
  std::printf("n %d\n", n);
  try {
    throw std::logic_error("late");
  } catch (...) {
    cosm::await(cosm::sleep(0));
    std::puts("caught all");
  }
}
int main() { cosm::run(main_()); }
