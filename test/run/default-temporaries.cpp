// A default argument that binds a temporary to a coroutine's reference
// parameter: C++ destroys it when the statement that makes the coroutine
// ends, before the coroutine runs. Made of literals (and the conversions
// the parameter's type implies), it is written out at the call and kept in
// the caller's frame until the await ends, as a temporary written at the
// call is: a string, a braced vector and aggregate, an rvalue reference, a
// converting constructor of a type whose name the caller's namespace reuses,
// a member function, a COSM_ASYNC lambda, in a branch and in a loop, and
// gathered. Two tasks interleave.
//
// RUN: %cosm-lower %s -o %t.cpp -- -std=c++17 -I%cosm_incdir
// RUN: grep -v CHECK %t.cpp | FileCheck %s
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/default-temporaries.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>
#include <string>
#include <vector>

namespace lib {
struct Name {
  std::string text;
  Name(const char *t) : text(std::string("lib:") + t) {}
};
struct Point {
  int x, y;
};

COSM_ASYNC cosm::Coro<int> length(int scale = 2,
                                  const std::string &s = "a default longer "
                                                         "than the SSO buffer",
                                  int tail = -7) {
  cosm::await(cosm::sleep(0));
  std::printf("length %d %s %d\n", scale, s.c_str(), tail);
  return int(s.size()) * scale + tail;
}

COSM_ASYNC cosm::Coro<int> total(const std::vector<int> &v = {1, 2, 3},
                                 const Point &p = {4, 5}) {
  cosm::await(cosm::sleep(0));
  int t = p.x * p.y;
  for (int x : v)
    t += x;
  std::printf("total %d\n", t);
  return t;
}

COSM_ASYNC cosm::Coro<std::string> named(const Name &n = "n") {
  cosm::await(cosm::sleep(0));
  return n.text;
}

COSM_ASYNC cosm::Coro<std::string> moved(std::string &&s = "moved in") {
  cosm::await(cosm::sleep(0));
  std::string mine = std::move(s);
  return mine;
}
} // namespace lib

// A Name of the caller's namespace: the default still makes a lib::Name.
struct Name {
  std::string text;
  Name(const char *t) : text(std::string("global:") + t) {}
};

struct Counter {
  int base = 100;
  COSM_ASYNC cosm::Coro<int> add(const std::string &what = "counted") {
    cosm::await(cosm::sleep(0));
    return base + int(what.size());
  }
};

COSM_ASYNC cosm::Coro<void> worker(const char *tag, int rounds) {
  // CHECK: ::new (&[[S:temp[_0-9]*]]) std::string("a default longer "
  // CHECK: = lib::length(2, [[S]]);
  std::printf("%s %d\n", tag, cosm::await(lib::length()));
  std::printf("%s %d\n", tag, cosm::await(lib::length(3)));
  // CHECK: ::new (&[[V:temp[_0-9]*]]) std::vector<int>{1, 2, 3};
  // CHECK: ::new (&[[P:temp[_0-9]*]]) lib::Point{4, 5};
  // CHECK: = lib::total([[V]], [[P]]);
  std::printf("%s %d\n", tag, cosm::await(lib::total()));
  // CHECK: ::new (&[[N:temp[_0-9]*]]) lib::Name("n");
  Name mine("x");
  std::printf("%s %s %s\n", tag, mine.text.c_str(),
              cosm::await(lib::named()).c_str());
  // CHECK: = lib::moved(std::move([[M:temp[_0-9]*]]));
  std::printf("%s %s\n", tag, cosm::await(lib::moved()).c_str());
  Counter c;
  for (int i = 0; i < rounds; ++i) {
    if (i % 2 == 0)
      std::printf("%s round %d: %d\n", tag, i, cosm::await(c.add()));
    else
      std::printf("%s round %d: %d\n", tag, i, cosm::await(c.add("odd")));
  }
  auto lam = [tag] COSM_ASYNC(const std::string &s =
                                  "from the lambda") -> cosm::Coro<int> {
    cosm::await(cosm::sleep(0));
    std::printf("%s lambda %s\n", tag, s.c_str());
    return int(s.size());
  };
  std::printf("%s %d\n", tag, cosm::await(lam()));
  auto both = cosm::await(cosm::gather(lib::length(1), lib::total()));
  std::printf("%s gathered %d %d\n", tag, std::get<0>(both),
              std::get<1>(both));
}

COSM_ASYNC cosm::Coro<void> amain() {
  cosm::Task<void> a = cosm::create_task(worker("a", 3));
  cosm::Task<void> b = cosm::create_task(worker("b", 2));
  cosm::await(a);
  cosm::await(b);
}

int main() { cosm::run(amain()); }
