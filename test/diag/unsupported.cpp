// Constructs cosm-lower does not lower yet are named, never lowered wrongly.
//
// RUN: %cosm-lower %s -- -std=c++17 -Xclang -verify

#include <cosm/cosm.hpp>

COSM_ASYNC cosm::Coro<int> leaf() { return 1; }

template <class T>
COSM_ASYNC cosm::Coro<T> generic(T v) { // expected-error {{cosm-lower cannot lower a COSM_ASYNC template}}
  cosm::await(leaf());
  return v;
}

COSM_ASYNC cosm::Coro<void> several() {
  int a = cosm::await(leaf()), b = 2; // expected-error {{cosm-lower cannot lower 'cosm::await' in a declaration of several variables yet}}
  (void)a;
  (void)b;
}

COSM_ASYNC cosm::Coro<void> condition_variable() {
  if (int v = 1; v) // expected-error {{cosm-lower cannot lower an 'if' with an init-statement or condition variable that suspends yet}}
    cosm::await(leaf());
}
