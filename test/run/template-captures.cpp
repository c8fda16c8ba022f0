// Lambdas in templates that capture by default ([=], [&]): Clang leaves
// their implicit captures to each instantiation, so cosm-lower finds them in
// the body. A [=] lambda copies a frame local when it is made (a later change
// is not seen), a [&] one kept across suspensions shares it, an async lambda
// captures a parameter of dependent type and awaits it (a coroutine, then a
// task), a nested lambda's use makes the outer one capture, and in a member
// of a class template `this` is captured implicitly. Generic lambdas (`auto`
// parameters) in templates too: an async one kept in a local and awaited
// with a coroutine and a task, one called in place, and a plain one kept
// across a suspension.
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: grep -v SHAPE %t.cpp | FileCheck %s --check-prefix=SHAPE
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/template-captures.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>
#include <string>

COSM_ASYNC cosm::Coro<int> twice(const char *who, int x) {
  std::printf("%s: twice(%d)\n", who, x);
  cosm::await(cosm::sleep(0));
  return 2 * x;
}

// SHAPE-LABEL: struct copies_frame
// SHAPE: auto later = [=, step = step, k = k] { return k + step; };
template <class T> COSM_ASYNC cosm::Coro<T> copies(T step) {
  T k = 1;
  cosm::await(cosm::sleep(0));
  {
    auto later = [=] { return k + step; };
    k = 100;
    std::printf("copies: %d (k is %d now)\n", int(later()), int(k));
  }
  cosm::await(cosm::sleep(0));
  return k;
}

// The kept lambda is lifted with a reference member for each implicit
// capture, in the order of first use.
// SHAPE-LABEL: struct shares_frame
// SHAPE: struct bump_closure {
// SHAPE-NEXT: T &total;
// SHAPE-NEXT: T &by;
template <class T> COSM_ASYNC cosm::Coro<T> shares(T by) {
  T total = 0;
  auto bump = [&](const char *why) {
    auto show = [&] { std::printf("shares: %s -> %d\n", why, int(total)); };
    total += by;
    show();
    return total;
  };
  bump("first");
  cosm::await(cosm::sleep(0));
  by = by * 10;
  bump("after a pass");
  cosm::await(cosm::sleep(0));
  return bump("last");
}

// SHAPE-LABEL: struct plus_one_lambda_frame
// SHAPE: A &a;
template <class A> COSM_ASYNC cosm::Coro<int> plus_one(const char *who, A a) {
  int base = 1;
  int r = cosm::await([&] COSM_ASYNC () -> cosm::Coro<int> {
    std::printf("%s: awaiting\n", who);
    return base + cosm::await(a);
  }());
  return r;
}

template <class T> struct Counter {
  std::string name;
  T total{};
  COSM_ASYNC cosm::Coro<T> add(T v) {
    auto bump = [&](T d) {
      total += d;
      return total;
    };
    cosm::await(cosm::sleep(0));
    bump(v);
    T seen = cosm::await([=] COSM_ASYNC () -> cosm::Coro<T> {
      cosm::await(cosm::sleep(0));
      return total + v;
    }());
    std::printf("%s: saw %ld\n", name.c_str(), long(seen));
    return bump(1);
  }
};

// SHAPE: template <class T, class Arg_c>
// SHAPE-NEXT: struct apply_both_lambda_frame
template <class T> COSM_ASYNC cosm::Coro<T> apply_both(T base) {
  auto step = [&] COSM_ASYNC (auto c) -> cosm::Coro<T> {
    T got = T(cosm::await(c));
    return base + got;
  };
  T a = cosm::await(step(twice("s", 1)));
  T b = cosm::await(step(cosm::create_task(twice("t", 2))));
  T c = cosm::await([] COSM_ASYNC (auto x) -> cosm::Coro<T> {
    cosm::await(cosm::sleep(0));
    return T(x);
  }(3));
  return a + b + c;
}

template <class T> COSM_ASYNC cosm::Coro<T> generic_kept(T base) {
  auto add = [&](auto x) { return base + T(x); };
  T a = add(1);
  cosm::await(cosm::sleep(0));
  T b = add(2.5);
  return a + b;
}

COSM_ASYNC cosm::Coro<void> other(const char *who) {
  for (int i = 0; i < 3; ++i) {
    std::printf("%s: pass %d\n", who, i);
    cosm::await(cosm::sleep(0));
  }
}

COSM_ASYNC cosm::Coro<void> amain() {
  cosm::Task<void> bg = cosm::create_task(other("bg"));
  std::printf("copies -> %d\n", cosm::await(copies(5)));
  std::printf("copies -> %.1f\n", cosm::await(copies(0.5)));
  std::printf("shares -> %d\n", cosm::await(shares(2)));
  std::printf("coro -> %d\n", cosm::await(plus_one("coro", twice("c", 20))));
  cosm::Task<int> t = cosm::create_task(twice("t", 30));
  std::printf("task -> %d\n", cosm::await(plus_one("task", t)));
  Counter<int> c{"ints"};
  std::printf("add -> %d\n", cosm::await(c.add(3)));
  std::printf("add -> %d\n", cosm::await(c.add(4)));
  Counter<long> d{"longs"};
  std::printf("add -> %ld\n", cosm::await(d.add(5)));
  std::printf("apply_both -> %d\n", cosm::await(apply_both(10)));
  std::printf("apply_both -> %.1f\n", cosm::await(apply_both(0.5)));
  std::printf("generic_kept -> %d\n", cosm::await(generic_kept(10)));
  std::printf("generic_kept -> %.1f\n", cosm::await(generic_kept(0.5)));
  cosm::await(bg);
}

int main() { cosm::run(amain()); }
