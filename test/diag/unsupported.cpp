// Constructs cosm-lower does not lower yet are named, never lowered wrongly.
//
// RUN: %cosm-lower %s -- -std=c++17 -Xclang -verify

#include <cosm/cosm.hpp>
#include <string>

COSM_ASYNC cosm::Coro<int> leaf() { return 1; }

// The array behind a braced list ends with the loop's statement: a copy of
// the std::initializer_list in the frame would point at freed storage.
COSM_ASYNC cosm::Coro<void> braced() {
  for (const char *word : {"a", "b"}) { // expected-error {{cosm-lower cannot lower a range-for over a braced list whose body suspends (store the list in a local std::array first) yet}}
    cosm::await(leaf());
    (void)word;
  }
}

// C++17 has no std::destroy_at for arrays.
COSM_ASYNC cosm::Coro<void> strings() {
  std::string names[2] = {"a", "b"}; // expected-error {{cosm-lower cannot lower a local array whose elements have destructors and that lives across a suspension (use std::array) yet}}
  cosm::await(leaf());
  (void)names;
}
