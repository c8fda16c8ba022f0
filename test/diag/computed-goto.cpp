// A computed goto (GNU labels as values) in an async function that suspends
// is refused (an ordinary goto is lowered: test/lower/goto.cpp).
//
// RUN: %cosm-lower %s -- -std=c++17 -Xclang -verify

#include <cosm/cosm.hpp>

COSM_ASYNC cosm::Coro<int> leaf() { return 1; }

COSM_ASYNC cosm::Coro<void> computed(bool first) {
  void *target = first ? &&one : &&two;
  cosm::await(leaf());
  goto *target; // expected-error {{cosm-lower cannot lower a computed 'goto' (GNU) in a COSM_ASYNC function that suspends yet}}
one:
  return;
two:
  return;
}
