// A coroutine whose result is a reference is refused by the runtime's
// headers, first with one clear message (it was three errors from
// std::optional's internals).
//
// RUN: not %cosm-lower %s -o %t.cpp 2> %t.err
// RUN: FileCheck %s < %t.err
// RUN: not test -e %t.cpp

#include <cosm/cosm.hpp>

COSM_ASYNC cosm::Coro<int &> element(int &x) {
  cosm::await(cosm::sleep(0));
  return x;
}

COSM_ASYNC cosm::Coro<void> use() {
  int v = 1;
  int &r = cosm::await(element(v));
  r = 2;
}

// CHECK: error: static assertion failed due to requirement '!std::is_reference_v<int &>': cosm::Coro<T &>: a coroutine's result cannot be a reference (return a pointer or a std::reference_wrapper)
