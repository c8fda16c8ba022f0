// cosm::await in a function that is not COSM_ASYNC is an error, with a note
// whose fix-it adds COSM_ASYNC.
//
// RUN: %cosm-lower %s -- -std=c++17 -Xclang -verify
// RUN: not %cosm-lower %s 2>&1 | FileCheck %s

#include <cosm/cosm.hpp>

COSM_ASYNC cosm::Coro<int> leaf() { return 1; }

// CHECK: await-outside-async.cpp:[[@LINE+3]]:22: error: 'cosm::await' used in a function that is not marked COSM_ASYNC
// CHECK: await-outside-async.cpp:[[@LINE+2]]:1: note: mark the function COSM_ASYNC
// CHECK-NEXT: {{^}}    [[@LINE+1]] | int plain() { return cosm::await(leaf()); }
int plain() { return cosm::await(leaf()); } // expected-error {{'cosm::await' used in a function that is not marked COSM_ASYNC}} expected-note {{mark the function COSM_ASYNC to make it a coroutine}}
// CHECK: {{^}}      | COSM_ASYNC

// A lambda inside an async function is a function of its own.
COSM_ASYNC cosm::Coro<void> outer() {
  auto inner = [] { cosm::await(leaf()); }; // expected-error {{'cosm::await' used in a function that is not marked COSM_ASYNC}}
  inner();
}
