// Temporaries in what C++ evaluates before an await of the same expression
// (the left of '&&', '||' and ',', a '?:' condition) live to the end of the
// full-expression, after the await, once (not copied again when the operand
// holding them is saved); a '?:' side that throws makes no value:
// lowered, the program prints what the same source prints as ordinary C++
// (the plain build: awaits and run removed, test/run/Inputs/plain/cosm/
// cosm.hpp), constructions, calls and destructions in the same order.
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: sed -e 's/cosm::await(/(/g' -e 's/cosm::run(/(/g' %s > %t.plain.cpp
// RUN: %cxx -std=c++17 -w -I%S/Inputs/plain %t.plain.cpp -o %t.plain
// RUN: %t.plain > %t.want
// RUN: %t.gcc | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>
#include <stdexcept>
#include <string>

struct N {
  std::string s;
  explicit N(const char *x) : s(x) { std::printf("+%s\n", x); }
  N(const N &o) : s(o.s + "c") { std::printf("copy %s\n", s.c_str()); }
  ~N() { std::printf("-%s\n", s.c_str()); }
  bool ok() const { return true; }
  const char *text() const { return s.c_str(); }
};

COSM_ASYNC cosm::Coro<bool> get(const char *what) {
  std::printf("get %s\n", what);
  cosm::await(cosm::sleep(0));
  return true;
}

COSM_ASYNC cosm::Coro<bool> show(const char *p) {
  std::printf("show %s\n", p);
  cosm::await(cosm::sleep(0));
  return p[0] != 0;
}

COSM_ASYNC cosm::Coro<std::string> word(const char *w) {
  cosm::await(cosm::sleep(0));
  return w;
}

COSM_ASYNC cosm::Coro<int> number(int n) {
  cosm::await(cosm::sleep(0));
  return n;
}

static int use(const N &n, int v) {
  std::printf("use %s %d\n", n.text(), v);
  return v;
}

COSM_ASYNC cosm::Coro<void> main_() {
  // A temporary kept for an operand that is itself saved before a later
  // await is kept once, not copied into a second slot.
  int sum = use(N("left"), cosm::await(number(1))) +
            use(N("right"), cosm::await(number(2)));
  std::printf("sum %d\n", sum);
  for (int i = 0; i < 2; ++i) {
    bool yes = i == 0;
    bool a = N("and").ok() && yes && cosm::await(get("and"));
    bool o = !N("or").ok() || !yes || cosm::await(get("or"));
    bool c = N("cond").ok() && yes ? cosm::await(get("cond")) : false;
    bool k = (N("comma"), cosm::await(get("comma")));
    // A pointer into a temporary of the left side, used by the await.
    const char *p = nullptr;
    bool u = (p = N("pointer kept across the await").text()) &&
             cosm::await(show(p));
    std::printf("%d %d %d %d %d\n", a, o, c, k, u);
    // A side that throws makes no value.
    try {
      std::string s = yes ? cosm::await(word("string"))
                          : throw std::runtime_error("no string");
      int n = yes ? cosm::await(number(7)) : throw std::runtime_error("no int");
      std::printf("%s %d\n", s.c_str(), n);
    } catch (const std::runtime_error &e) {
      std::printf("caught %s\n", e.what());
    }
  }
}

int main() { cosm::run(main_()); }
