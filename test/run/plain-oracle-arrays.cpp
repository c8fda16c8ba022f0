// Local arrays whose elements have destructors, kept across suspensions (in
// a plain function and in a template, where the element type may or may
// not have one): the frame destroys the elements last first, as C++ does,
// on every way out (the end, a return, an exception). std::destroy_at of an
// array is C++20; the lowered code compiles as C++17. Lowered, the program
// prints what the same source prints as ordinary C++.
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: grep -v CHECK %t.cpp | FileCheck %s
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: sed -e 's/cosm::await(/(/g' -e 's/cosm::run(/(/g' %s > %t.plain.cpp
// RUN: %cxx -std=c++17 -w -I%S/Inputs/plain %t.plain.cpp -o %t.plain
// RUN: %t.plain > %t.want
// RUN: %t.gcc | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>
#include <stdexcept>
#include <string>

struct Noisy {
  std::string s;
  Noisy(const char *x) : s(x) { std::printf("+%s\n", x); }
  Noisy(const Noisy &o) : s(o.s + "c") { std::printf("copy %s\n", s.c_str()); }
  ~Noisy() { std::printf("-%s\n", s.c_str()); }
};

COSM_ASYNC cosm::Coro<int> step(int x) {
  cosm::await(cosm::sleep(0));
  if (x < 0)
    throw std::runtime_error("negative");
  return x;
}

// CHECK-LABEL: struct plain_frame
// CHECK: std::destroy(std::rbegin(items), std::rend(items));
COSM_ASYNC cosm::Coro<int> plain(int how) {
  Noisy items[3] = {"a", "b", "c"};
  int n = cosm::await(step(how));
  if (n == 1)
    return 1;
  Noisy more[2] = {"d", "e"};
  cosm::await(step(how - 2));
  std::printf("%s%s\n", items[0].s.c_str(), more[1].s.c_str());
  return 2;
}

template <class T>
COSM_ASYNC cosm::Coro<int> generic(const T &a, const T &b) {
  T pair[2] = {a, b};
  cosm::await(step(0));
  return int(sizeof pair / sizeof pair[0]);
}

COSM_ASYNC cosm::Coro<void> all() {
  for (int how : {1, 2, 3}) {
    try {
      std::printf("plain(%d) = %d\n", how, cosm::await(plain(how)));
    } catch (const std::exception &e) {
      std::printf("plain(%d) threw %s\n", how, e.what());
    }
  }
  std::printf("generic %d\n", cosm::await(generic(1, 2)));
  Noisy x("x"), y("y");
  std::printf("generic %d\n", cosm::await(generic(x, y)));
}

int main() { cosm::run(all()); }
