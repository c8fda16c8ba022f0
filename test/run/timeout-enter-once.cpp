// A Timeout is entered once (CPython 3.11.7): entering it again raises
// RuntimeError and leaves it as it was. repr() writes the deadline as
// Python's repr(round(when, 3)), exponents included, for any deadline.
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %python %S/Inputs/timeout-enter-once.py > %t.want
// RUN: %t.gcc | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>

COSM_ASYNC cosm::Coro<int> five() { return 5; }

COSM_ASYNC cosm::Coro<void> show(cosm::Timeout cm) {
  std::printf("%s\n", cm.repr().c_str());
}

COSM_ASYNC cosm::Coro<void> main_() {
  cosm::Timeout cm = cosm::timeout(10);
  std::printf("first: %d %s\n", cosm::await(cm.async_with(five())),
              cm.repr().c_str());
  try {
    cosm::await(cm.async_with(five()));
    std::printf("second entry ran\n");
  } catch (const cosm::RuntimeError &e) {
    std::printf("RuntimeError: %s\n", e.what());
  }
  std::printf("after: %s\n", cm.repr().c_str());

  for (double when : {1e300, 1e16, 1.5e16, 1e22, 9999999999999998.0,
                      12345.6789, 2.675, 0.0001, 0.00001, -1.5e-7, -2e20}) {
    cosm::Timeout at = cosm::timeout_at(when);
    cosm::await(at.async_with(show(at)));
  }
}

int main() { cosm::run(main_()); }
