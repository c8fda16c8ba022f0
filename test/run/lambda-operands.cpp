// Lambdas evaluated before a suspension in the same expression: the frame
// keeps each one (lifted into a named function object) until the
// expression ends. A lambda bound to a const reference parameter, one passed
// by value (a prvalue, made where it is used), one that owns an object with a
// destructor (destroyed when the expression ends, or when the task is
// cancelled while it waits), one capturing `this` in a COSM_ASYNC member,
// one capturing by reference a variable the await changes, a closure a
// function returns (named through `decltype`), and a user's local named like
// the lifted type.
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: grep -v SHAPE %t.cpp | FileCheck %s --check-prefix=SHAPE
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/lambda-operands.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>
#include <string>

struct Tracer {
  std::string name;
  explicit Tracer(std::string n) : name(std::move(n)) {
    std::printf("make %s\n", name.c_str());
  }
  Tracer(const Tracer &) = delete;
  Tracer(Tracer &&o) : name(std::move(o.name)) { o.name = "moved"; }
  ~Tracer() {
    if (name != "moved")
      std::printf("drop %s\n", name.c_str());
  }
};

template <class F> int apply(const F &f, int v) { return f(v); }
template <class F> int apply_by_value(F f, int v) { return f(v); }
inline auto make_adder(int k) {
  return [k](int v) { return v + k; };
}

COSM_ASYNC cosm::Coro<int> get(int v) {
  cosm::await(cosm::sleep(0));
  return v;
}

// SHAPE: // A lambda evaluated before the suspension of its expression, lifted
// SHAPE: struct lambda_closure_2 {
// SHAPE-NEXT: int &base;
// SHAPE: ::new (&temp) lambda_closure_2(lambda_closure_2{base});
COSM_ASYNC cosm::Coro<int> by_reference() {
  int base = 10;
  int lambda_closure = 1; // a user's name, which the lifted type must not hide
  // The lambda reads `base` when it is called, after the await changed it.
  int r = apply([&](int v) { return base + v; },
                (base = 20, cosm::await(get(1))));
  std::printf("by_reference %d %d\n", r, lambda_closure);
  return r;
}

COSM_ASYNC cosm::Coro<int> by_value() {
  int base = 10;
  int r = apply_by_value([base](int v) { return base * v; },
                         cosm::await(get(3)));
  std::printf("by_value %d\n", r);
  return r;
}

COSM_ASYNC cosm::Coro<int> owning(const char *name) {
  int r = apply([t = Tracer(name)](int v) {
    std::printf("call with %s\n", t.name.c_str());
    return v + 1;
  },
                cosm::await(get(5)));
  std::printf("owning %d\n", r);
  return r;
}

COSM_ASYNC cosm::Coro<int> returned() {
  int r = apply(make_adder(2), cosm::await(get(4)));
  std::printf("returned %d\n", r);
  return r;
}

struct Counter {
  int hits = 0;
  COSM_ASYNC cosm::Coro<int> bump(int by) {
    int r = apply([this](int v) { return hits += v; }, cosm::await(get(by)));
    std::printf("bump %d\n", r);
    return r;
  }
};

COSM_ASYNC cosm::Coro<void> main_task() {
  cosm::await(by_reference());
  cosm::await(by_value());
  cosm::await(owning("first"));
  cosm::await(returned());
  Counter c;
  cosm::await(c.bump(2));
  cosm::await(c.bump(3));
  // Cancelled while it waits: the lambda it keeps is destroyed.
  cosm::Task<int> t = cosm::create_task(owning("cancelled"));
  cosm::await(cosm::sleep(0));
  t.cancel();
  try {
    cosm::await(t);
  } catch (const cosm::CancelledError &) {
    std::printf("cancelled\n");
  }
}

int main() { cosm::run(main_task()); }
