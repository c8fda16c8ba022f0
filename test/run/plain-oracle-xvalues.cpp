// An xvalue the frame must reach after a suspension (`std::move(s)` on the
// left of an await, a member of a kept temporary, a '?:' of two xvalues,
// a range or a reference bound to `std::move(v)`, a range whose elements
// are xvalues): the frame holds its address, which std::addressof does not
// give for an xvalue (the lowered code did not compile); the temporaries
// of a kept temporary's initialiser live as long as it does. Lowered, the
// program prints what the same source prints as ordinary C++ (moves,
// copies and destructions in the same order).
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
#include <iterator>
#include <string>
#include <utility>
#include <vector>

struct S {
  std::string s;
  explicit S(const char *x) : s(x) { std::printf("+%s\n", x); }
  S(const S &o) : s(o.s + "c") { std::printf("copy %s\n", s.c_str()); }
  S(S &&o) noexcept : s(std::move(o.s)) {
    o.s = "moved";
    std::printf("move %s\n", s.c_str());
  }
  ~S() { std::printf("-%s\n", s.c_str()); }
};

std::string operator+(S &&a, const std::string &b) {
  S taken = std::move(a);
  return taken.s + b;
}

// A range whose elements are xvalues.
struct Draining {
  std::vector<S> *v;
  auto begin() { return std::make_move_iterator(v->begin()); }
  auto end() { return std::make_move_iterator(v->end()); }
};

// It prints nothing: C++ leaves the order of an operator's operands open,
// and g++ evaluates the await first in the plain build.
COSM_ASYNC cosm::Coro<int> one(int x) {
  cosm::await(cosm::sleep(0));
  return x;
}

COSM_ASYNC cosm::Coro<void> f(bool b) {
  S a("a");
  // CHECK: saved = cosm::detail::address_of(std::move(a));
  std::string s = std::move(a) + std::to_string(cosm::await(one(1)));
  std::printf("s=%s a=%s\n", s.c_str(), a.s.c_str());
  // CHECK: saved_2 = cosm::detail::address_of(std::move(temp_2).first);
  std::string p =
      std::make_pair(S("p"), 2).first + std::to_string(cosm::await(one(2)));
  std::printf("p=%s\n", p.c_str());
  S c("c"), d("d");
  // CHECK: chosen = cosm::detail::address_of(std::move(c));
  S e = b ? std::move(c) : std::move(cosm::await(one(3)) ? d : c);
  std::printf("e=%s c=%s d=%s\n", e.s.c_str(), c.s.c_str(), d.s.c_str());
  std::vector<S> v;
  v.reserve(2);
  v.emplace_back("v1");
  v.emplace_back("v2");
  // CHECK: range = cosm::detail::address_of(std::move(v));
  for (auto &&x : std::move(v)) {
    cosm::await(one(4));
    std::printf("x=%s\n", x.s.c_str());
  }
  // CHECK: x_2 = cosm::detail::address_of(*range_begin_2);
  for (auto &&x : Draining{&v}) {
    S kept = std::move(x);
    cosm::await(one(5));
    std::printf("kept=%s\n", kept.s.c_str());
  }
  S g("g");
  // CHECK: r = cosm::detail::address_of(std::move(g));
  S &&r = std::move(g);
  cosm::await(one(6));
  S taken = std::move(r);
  std::printf("taken=%s g=%s\n", taken.s.c_str(), g.s.c_str());
}

int main() {
  cosm::run(f(true));
  cosm::run(f(false));
}
