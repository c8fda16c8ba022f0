// Copies of arrays cosm-lower cannot make in a frame: a COSM_ASYNC lambda's
// array captured by value (the frame's constructor would take it as a
// pointer), and a structured binding by value of an array of arrays kept
// across a suspension. `auto [a, b] = arr;` of an array of objects lowers
// (test/run/names-and-arrays.cpp).
//
// RUN: %cosm-lower %s -- -std=c++17 -Xclang -verify

#include <cosm/cosm.hpp>

COSM_ASYNC cosm::Coro<int> captured() {
  int arr[3] = {1, 2, 3};
  auto sum = [arr] COSM_ASYNC() -> cosm::Coro<int> { // expected-error {{cosm-lower cannot lower a COSM_ASYNC lambda that captures the array 'arr' by value (capture a std::array, or the array by reference) yet}} expected-error {{a lambda stored in a local that lives across a suspension and captures an array}}
    cosm::await(cosm::sleep(0));
    return arr[0] + arr[1] + arr[2];
  };
  return cosm::await(sum());
}

COSM_ASYNC cosm::Coro<int> nested() {
  int grid[2][2] = {{1, 2}, {3, 4}};
  auto [top, bottom] = grid; // expected-error {{cosm-lower cannot lower a copy of an array that is moved or holds arrays, kept across a suspension (bind a reference, or use std::array) yet}}
  cosm::await(cosm::sleep(0));
  return top[0] + bottom[1];
}
