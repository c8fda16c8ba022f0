// A jump into the scope of an object past its initialisation stays the C++
// error Clang reports, though the object would live in the frame.
//
// RUN: %cosm-lower %s -- -std=c++17 -Xclang -verify

#include <cosm/cosm.hpp>
#include <string>

COSM_ASYNC cosm::Coro<int> leaf() { return 1; }

COSM_ASYNC cosm::Coro<void> into_scope(bool skip) {
  if (skip)
    goto inside; // expected-error {{cannot jump from this goto statement to its label}}
  {
    std::string kept = "kept"; // expected-note {{jump bypasses variable initialization}}
    cosm::await(leaf());
  inside:
    kept += "!";
  }
}
