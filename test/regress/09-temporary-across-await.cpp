// Issue 4, named regression test 9: a temporary that C++ keeps alive to the
// end of its full-expression survives a suspension inside that expression:
// temporaries passed as arguments next to an awaited argument, temporaries
// in a braced initialiser. They are built before the await (left
// to right) and destroyed after the call, once.
//
// A temporary inside a subexpression (`Noisy("t").len() + cosm::await(...)`)
// is still destroyed too early: F9 in test/fuzz/FINDINGS.md, tested by
// test/run/temporaries.cpp (XFAIL). A reference bound to a temporary that
// lives across an await does not compile yet: F16, test/run/reference-to-temporary.cpp.
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: grep -v CHECK %t.cpp | FileCheck %s
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/09-temporary-across-await.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>
#include <string>
#include <vector>

struct Noisy {
  std::string n;
  explicit Noisy(std::string s) : n(std::move(s)) { std::printf("+%s\n", n.c_str()); }
  Noisy(const Noisy &o) : n(o.n + "'") { std::printf("+%s (copy)\n", n.c_str()); }
  ~Noisy() { std::printf("-%s\n", n.c_str()); }
};

COSM_ASYNC cosm::Coro<void> ticker() {
  for (int i = 0; i < 20; ++i) {
    std::printf("  tick %d\n", i);
    cosm::await(cosm::sleep(0));
  }
}

COSM_ASYNC cosm::Coro<int> get(int v) {
  std::printf("get %d\n", v);
  cosm::await(cosm::sleep(0));
  return v;
}

COSM_ASYNC cosm::Coro<std::string> word(const char *w) {
  cosm::await(cosm::sleep(0));
  return w;
}

void use(const Noisy &a, int v) { std::printf("use %s %d\n", a.n.c_str(), v); }
void use2(const std::string &s, int v, const Noisy &b) {
  std::printf("use2 %s %d %s\n", s.c_str(), v, b.n.c_str());
}

// The argument temporary lives in the frame until the call has returned.
// CHECK-LABEL: struct main__frame
// CHECK: ::new (&[[T:temp(_[0-9]+)?]]) Noisy(Noisy("arg"));
// CHECK: use([[T]], child{{(_[0-9]+)?}}.take_result());
// CHECK-NEXT: live.reset({{[0-9]+}});
// CHECK-NEXT: std::destroy_at(&[[T]]);
COSM_ASYNC cosm::Coro<void> main_() {
  auto t = cosm::create_task(ticker());
  std::puts("-- argument");
  use(Noisy("arg"), cosm::await(get(1)));
  std::puts("-- two temporaries around an await");
  use2(std::string("str"), cosm::await(get(2)), Noisy("last"));
  std::puts("-- braced initialiser");
  std::vector<std::string> v{std::string("a"), cosm::await(word("b")), std::string("c")};
  std::printf("v %s%s%s\n", v[0].c_str(), v[1].c_str(), v[2].c_str());
  std::puts("-- end");
  t.cancel();
}

int main() { cosm::run(main_()); }
