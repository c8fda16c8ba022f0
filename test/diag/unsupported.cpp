// Constructs cosm-lower does not lower yet are named, never lowered wrongly.
//
// RUN: %cosm-lower %s -- -std=c++17 -Xclang -verify

#include <cosm/cosm.hpp>

COSM_ASYNC cosm::Coro<int> leaf() { return 1; }

// In a template, an operand whose type is a template parameter could be a
// coroutine or a task: the two lower differently.
template <class Awaitable>
COSM_ASYNC cosm::Coro<void> generic(Awaitable a) {
  cosm::await(a); // expected-error {{cosm-lower cannot lower an await whose operand's type depends on a template parameter (is it a coroutine or a task?) yet}}
}

template <class T> struct Holder {
  cosm::Coro<int> get();
};
template <class T>
COSM_ASYNC cosm::Coro<int> Holder<T>::get() { // expected-error {{cosm-lower cannot lower an out-of-line COSM_ASYNC member of a class template yet}}
  cosm::await(leaf());
  return 1;
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
