// A goto or label in an async function that suspends is refused; without a
// suspension the function is lowered as written.
//
// RUN: %cosm-lower %s -- -std=c++17 -Xclang -verify

#include <cosm/cosm.hpp>

COSM_ASYNC cosm::Coro<int> leaf() { return 1; }

COSM_ASYNC cosm::Coro<void> jumps() {
  cosm::await(leaf());
  goto done; // expected-error {{'goto' in a COSM_ASYNC function that suspends cannot be lowered}}
done: // expected-error {{a label in a COSM_ASYNC function that suspends cannot be lowered}}
  return;
}
