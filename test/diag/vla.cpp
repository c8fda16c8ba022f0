// RUN: %cosm-lower %s -- -std=c++17 -Wno-vla-cxx-extension -Xclang -verify

#include <cosm/cosm.hpp>

COSM_ASYNC cosm::Coro<void> vla(int n) {
  int a[n]; // expected-error {{variable-length array in a COSM_ASYNC function: a frame's size must be a compile-time constant}}
  a[0] = 1;
}
