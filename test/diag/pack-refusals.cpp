// Pack expansions and folds that await are lowered (test/run/pack-awaits.cpp)
// when the order C++ gives them stays; these would change it, or have no
// place for the element lambda, and are refused with what to write instead
// (and nothing written).
//
// RUN: not %cosm-lower %s -o %t.cpp 2> %t.err
// RUN: FileCheck %s --implicit-check-not=error: < %t.err
// RUN: not test -e %t.cpp

#include <cosm/cosm.hpp>
#include <vector>

COSM_ASYNC cosm::Coro<int> fetch(int id) {
  cosm::await(cosm::sleep(0));
  return id;
}

int base();
template <class... T> int use(int first, T... rest);
void take(std::vector<int>);

// C++ evaluates an assignment's right operand first: the last element's
// await would come first.
template <class... Ids> COSM_ASYNC cosm::Coro<void> assigned(Ids... ids) {
  int last = 0;
  // CHECK: pack-refusals.cpp:[[@LINE+1]]:11: error: cosm-lower cannot lower a fold over '=' whose pattern awaits (C++ evaluates its elements from the last to the first); write a loop or a comma fold yet
  (last = ... = cosm::await(fetch(ids)));
}

// The initial operand would run after the awaits.
template <class... Ids> COSM_ASYNC cosm::Coro<int> seeded(Ids... ids) {
  // CHECK: pack-refusals.cpp:[[@LINE+1]]:11: error: cosm-lower cannot lower a fold that awaits, whose initial operand calls a function (it would run after the awaits: compute it into a local first) yet
  return (base() + ... + cosm::await(fetch(ids)));
}

// So would the other arguments.
template <class... Ids> COSM_ASYNC cosm::Coro<int> around(Ids... ids) {
  // CHECK: pack-refusals.cpp:[[@LINE+1]]:14: error: cosm-lower cannot lower a pack expansion that awaits next to code that calls a function (it would run after the awaits: compute it into a local first) yet
  return use(base(), cosm::await(fetch(ids))...);
}

// A braced list whose type the expansion does not know.
template <class... Ids> COSM_ASYNC cosm::Coro<void> braced(Ids... ids) {
  // CHECK: pack-refusals.cpp:[[@LINE+1]]:9: error: cosm-lower cannot lower a pack expansion that awaits, in a braced list that does not initialise a variable of a written class type yet
  take({cosm::await(fetch(ids))...});
}

// An element is named through a function parameter pack.
template <int... Ns> COSM_ASYNC cosm::Coro<int> constants() {
  // CHECK: pack-refusals.cpp:[[@LINE+1]]:21: error: cosm-lower cannot lower a pack expansion that awaits and names the template parameter pack 'Ns' (name its elements through a function parameter pack) yet
  return (0 + ... + cosm::await(fetch(Ns)));
}
