// COSM_ASYNC lambdas in members defined out of line and in member
// templates. The lambda's frame is a member class like the member's own
// frame (declared in the class, defined before the member), so its body
// reaches private members through the captured `this`. Covered: an
// out-of-line member of a plain class, of a class template, an in-class
// member template of a class template, an out-of-line one, and a lambda kept
// in a local and called twice; each with a coroutine and a task operand;
// and a plain (not COSM_ASYNC) out-of-line member that returns the lambda's
// coroutine.
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: grep -v SHAPE %t.cpp | FileCheck %s --check-prefix=SHAPE
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/lambda-out-of-line.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>

COSM_ASYNC cosm::Coro<int> twice(int x) {
  std::printf("twice(%d)\n", x);
  cosm::await(cosm::sleep(0));
  return 2 * x;
}

// SHAPE-LABEL: class Meter {
// SHAPE: struct add_lambda_frame;
// SHAPE-NEXT: struct add_frame;
// SHAPE: struct Meter::add_lambda_frame final : cosm::Frame<int> {
// SHAPE: struct Meter::add_frame final : cosm::Frame<int> {
class Meter {
  int total = 0;

public:
  COSM_ASYNC cosm::Coro<int> add(int v);
};

COSM_ASYNC cosm::Coro<int> Meter::add(int v) {
  int r = cosm::await([&] COSM_ASYNC () -> cosm::Coro<int> {
    cosm::await(cosm::sleep(0));
    total += cosm::await(twice(v));
    std::printf("meter: total %d\n", total);
    return total;
  }());
  return r + 1;
}

// SHAPE-LABEL: template <class T> class Box {
// SHAPE: template <class U> struct plus_lambda_frame final : cosm::Frame<T> {
// SHAPE: struct minus_lambda_frame;
// SHAPE: struct times_lambda_frame;
// SHAPE: template <class T>
// SHAPE-NEXT: template <class U>
// SHAPE-NEXT: struct Box<T>::minus_lambda_frame final : cosm::Frame<T> {
template <class T> class Box {
  T v;

public:
  explicit Box(T v) : v(v) {}
  template <class U> COSM_ASYNC cosm::Coro<T> plus(U u) {
    T r = cosm::await([&] COSM_ASYNC () -> cosm::Coro<T> {
      return v + T(cosm::await(u));
    }());
    return r;
  }
  template <class U> COSM_ASYNC cosm::Coro<T> minus(U u);
  COSM_ASYNC cosm::Coro<T> times(int k);
};

template <class T>
template <class U>
COSM_ASYNC cosm::Coro<T> Box<T>::minus(U u) {
  T r = cosm::await([&] COSM_ASYNC () -> cosm::Coro<T> {
    return v - T(cosm::await(u));
  }());
  return r;
}

template <class T> COSM_ASYNC cosm::Coro<T> Box<T>::times(int k) {
  auto f = [=] COSM_ASYNC (int m) -> cosm::Coro<T> {
    cosm::await(cosm::sleep(0));
    return v * m;
  };
  T a = cosm::await(f(k));
  T b = cosm::await(f(k + 1));
  return a + b;
}

template <class T> struct Lazy {
  T v;
  cosm::Coro<T> get();
};

template <class T> cosm::Coro<T> Lazy<T>::get() {
  return [w = 1, this] COSM_ASYNC () -> cosm::Coro<T> {
    cosm::await(cosm::sleep(0));
    return T(w) + v;
  }();
}

COSM_ASYNC cosm::Coro<void> ticker() {
  for (int i = 0; i < 4; ++i) {
    std::printf("tick %d\n", i);
    cosm::await(cosm::sleep(0));
  }
}

COSM_ASYNC cosm::Coro<void> amain() {
  cosm::Task<void> bg = cosm::create_task(ticker());
  Meter m;
  std::printf("add -> %d\n", cosm::await(m.add(1)));
  std::printf("add -> %d\n", cosm::await(m.add(2)));
  Box<int> b(10);
  std::printf("plus -> %d\n", cosm::await(b.plus(twice(1))));
  std::printf("minus -> %d\n", cosm::await(b.minus(twice(2))));
  std::printf("times -> %d\n", cosm::await(b.times(3)));
  Box<double> d(1.5);
  std::printf("plus -> %.1f\n", cosm::await(d.plus(cosm::create_task(twice(1)))));
  std::printf("minus -> %.1f\n", cosm::await(d.minus(cosm::create_task(twice(3)))));
  std::printf("times -> %.1f\n", cosm::await(d.times(2)));
  Lazy<int> lazy{41};
  cosm::Coro<int> later = lazy.get();
  std::printf("lazy made\n");
  std::printf("lazy -> %d\n", cosm::await(later));
  cosm::await(bg);
}

int main() { cosm::run(amain()); }
