// Falling off the end of a non-void COSM_ASYNC function is an error at its
// closing brace, as Clang's -Wreturn-type would warn (the tool turns that
// warning off: every Coro<T> function falls off for Clang). F12 in
// test/fuzz/FINDINGS.md.
//
// RUN: %cosm-lower %s -- -std=c++17 -Xclang -verify

#include <cosm/cosm.hpp>
#include <cstdlib>
#include <exception>
#include <string>

COSM_ASYNC cosm::Coro<int> leaf() { return 1; }

// Positive: no return at all, a branch without one, a loop that can end.
COSM_ASYNC cosm::Coro<int> none() {
  cosm::await(leaf());
} // expected-error {{non-void COSM_ASYNC function 'none' does not return a value}}

COSM_ASYNC cosm::Coro<int> one_branch(bool b) {
  if (b)
    return cosm::await(leaf());
} // expected-error {{non-void COSM_ASYNC function 'one_branch' does not return a value in all control paths}}

COSM_ASYNC cosm::Coro<std::string> loop_ends(int n) {
  for (int i = 0; i < n; ++i)
    if (cosm::await(leaf()) == i)
      return "found";
} // expected-error {{non-void COSM_ASYNC function 'loop_ends' does not return a value in all control paths}}

COSM_ASYNC cosm::Coro<int> after_catch() {
  try {
    return cosm::await(leaf());
  } catch (...) {
  }
} // expected-error {{non-void COSM_ASYNC function 'after_catch' does not return a value in all control paths}}

struct Widget {
  COSM_ASYNC cosm::Coro<int> member(int x) {
    if (x > 0)
      return x;
  } // expected-error {{non-void COSM_ASYNC function 'Widget::member' does not return a value in all control paths}}
};

// Negative: every path returns, throws, or never ends.
COSM_ASYNC cosm::Coro<int> forever() {
  while (true) {
    int v = cosm::await(leaf());
    if (v > 0)
      return v;
  }
}

COSM_ASYNC cosm::Coro<int> every_branch(int x) {
  if (x > 0)
    return 1;
  else if (x < 0)
    return -1;
  else
    return cosm::await(leaf());
}

COSM_ASYNC cosm::Coro<int> throws(bool b) {
  if (b)
    return cosm::await(leaf());
  throw 42;
}

COSM_ASYNC cosm::Coro<int> aborts(bool b) {
  if (b)
    return cosm::await(leaf());
  std::abort();
}

COSM_ASYNC cosm::Coro<int> terminates(bool b) {
  if (b)
    return cosm::await(leaf());
  std::terminate();
}

[[noreturn]] void fail(const char *Why);

COSM_ASYNC cosm::Coro<int> user_noreturn(bool b) {
  if (b)
    return cosm::await(leaf());
  fail("no value");
}

enum class Colour { Red, Green };

COSM_ASYNC cosm::Coro<int> covered_switch(Colour c) {
  switch (c) {
  case Colour::Red:
    return cosm::await(leaf());
  case Colour::Green:
    return 2;
  }
}

COSM_ASYNC cosm::Coro<int> in_try() {
  try {
    return cosm::await(leaf());
  } catch (...) {
    return -1;
  }
}

// void functions fall off their end by design.
COSM_ASYNC cosm::Coro<void> nothing() { cosm::await(leaf()); }

// Templates: like Clang, only instantiations would be checked (and the tool
// lowers the pattern), so a dependent definition is not diagnosed.
template <class T> COSM_ASYNC cosm::Coro<T> generic(bool b) {
  if (b)
    return T();
}
template <class T> COSM_ASYNC cosm::Coro<int> generic_int(T b) {
  if (b)
    return 1;
}

// A full specialisation is an ordinary function: checked.
template <> COSM_ASYNC cosm::Coro<int> generic<int>(bool b) {
  if (b)
    return cosm::await(leaf());
} // expected-error {{non-void COSM_ASYNC function 'generic' does not return a value in all control paths}}
