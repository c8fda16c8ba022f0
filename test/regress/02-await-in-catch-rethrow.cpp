// Issue 4, named regression test 2: an await inside a `catch` handler, then
// `throw;`: the original exception (same dynamic type, same object) propagates;
// a `continue` from inside such a handler discards the exception, and a later
// exception in the same loop is a new one.
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: grep -v CHECK %t.cpp | FileCheck %s
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/02-await-in-catch-rethrow.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>
#include <stdexcept>
#include <string>

struct Boom : std::runtime_error {
  int id;
  Boom(const std::string &what, int id) : std::runtime_error(what), id(id) {}
};

static const void *first_seen = nullptr;

COSM_ASYNC cosm::Coro<void> fail(int id) {
  cosm::await(cosm::sleep(0));
  throw Boom("boom " + std::to_string(id), id);
}

COSM_ASYNC cosm::Coro<void> note(std::string s) {
  std::printf("note: %s\n", s.c_str());
  cosm::await(cosm::sleep(0));
}

// CHECK-LABEL: struct rethrower_frame
// CHECK: std::exception_ptr caught;
// CHECK: caught = std::current_exception();
// CHECK: std::rethrow_exception(caught);
COSM_ASYNC cosm::Coro<void> rethrower() {
  try {
    cosm::await(fail(1));
  } catch (const std::runtime_error &e) {
    first_seen = &e;
    cosm::await(note(std::string("handling ") + e.what()));
    std::printf("handler still sees '%s'\n", e.what());
    throw;
  }
}

// CHECK-LABEL: struct skipper_frame
// CHECK: if (i < 2) {
// CHECK-NEXT: caught = nullptr;
// CHECK-NEXT: continue;
COSM_ASYNC cosm::Coro<int> skipper() {
  int handled = 0;
  for (int i = 0; i < 4; ++i) {
    try {
      if (i != 3)
        cosm::await(fail(10 + i));
      std::printf("no failure at %d\n", i);
    } catch (const Boom &e) {
      cosm::await(note(e.what()));
      ++handled;
      if (i < 2)
        continue;
      std::printf("handler falls through at %d\n", i);
    }
    std::printf("after try at %d\n", i);
  }
  // Nothing is still in flight: a bare rethrow would now terminate in C++; a
  // fresh exception is the only one around.
  try {
    throw Boom("fresh", 99);
  } catch (const Boom &e) {
    cosm::await(note(e.what()));
    std::printf("fresh id %d\n", e.id);
  }
  return handled;
}

COSM_ASYNC cosm::Coro<void> main_() {
  try {
    cosm::await(rethrower());
    std::puts("not reached");
  } catch (const Boom &e) {
    std::printf("main caught Boom id %d '%s' same object %s\n", e.id, e.what(),
                static_cast<const void *>(&e) == first_seen ? "yes" : "no");
  }
  std::printf("skipper -> %d\n", cosm::await(skipper()));
}

int main() { cosm::run(main_()); }
