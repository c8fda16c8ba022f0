// What cosm-lower still refuses about lambdas, each with its own error at
// the lambda (and nothing written). COSM_ASYNC lambdas are lowered
// (test/run/async-lambdas.cpp), and so are plain lambdas kept across a
// suspension (test/run/kept-lambdas.cpp), but not these.
//
// RUN: not %cosm-lower %s -o %t.cpp 2> %t.err
// RUN: FileCheck %s < %t.err
// RUN: not test -e %t.cpp

#include <cosm/cosm.hpp>
#include <memory>

// An init-capture's initialiser may name locals the frame cannot see.
template <class T> cosm::Coro<T> init_capture(T v) {
  // CHECK: lambda-refusals.cpp:[[@LINE+1]]:11: error: cosm-lower cannot lower a COSM_ASYNC lambda in a template with an init-capture whose type depends on a template parameter (capture a local of a written type) yet
  return [w = v + v] COSM_ASYNC () -> cosm::Coro<T> {
    cosm::await(cosm::sleep(0));
    return w;
  }();
}
template cosm::Coro<int> init_capture(int);

cosm::Coro<int> local_type() {
  struct Point {
    int x;
  };
  Point p{3};
  // CHECK: lambda-refusals.cpp:[[@LINE+1]]:11: error: cosm-lower cannot lower a COSM_ASYNC lambda whose capture has a type declared in the function around it (declare the type outside the function) yet
  return [p] COSM_ASYNC () -> cosm::Coro<int> {
    cosm::await(cosm::sleep(0));
    return p.x;
  }();
}

cosm::Coro<int> move_only() {
  auto owned = std::make_unique<int>(1);
  // CHECK: lambda-refusals.cpp:[[@LINE+1]]:11: error: cosm-lower cannot lower a COSM_ASYNC lambda that captures by value an object that cannot be copied (each call copies the captures into its frame; capture a std::shared_ptr or by reference) yet
  return [p = std::move(owned)] COSM_ASYNC () -> cosm::Coro<int> {
    cosm::await(cosm::sleep(0));
    return *p;
  }();
}

// The lifted object would nest in the class, which is incomplete there. (A
// member of a class at namespace scope is moved out of its class instead:
// test/run/in-class-held-members.cpp.)
int local_widget() {
  struct Widget {
    int size = 1;
    COSM_ASYNC cosm::Coro<int> copied() {
      // CHECK: lambda-refusals.cpp:[[@LINE+1]]:20: error: cosm-lower cannot lower a lambda stored in a local that lives across a suspension and captures '*this' in a member function defined in its class (define the function outside the class) yet
      auto read = [*this] { return size; };
      cosm::await(cosm::sleep(0));
      return read();
    }
  };
  return Widget{}.size;
}

// A constant of an arithmetic type read without a capture is declared again
// in the lifted object (test/run/closure-constants.cpp); one of another type
// is not.
enum class Unit { one = 1, three = 3 };
COSM_ASYNC cosm::Coro<int> uncaptured_constant() {
  constexpr Unit Scale = Unit::three;
  // CHECK: lambda-refusals.cpp:[[@LINE+1]]:16: error: cosm-lower cannot lower a lambda stored in a local that lives across a suspension and uses 'Scale' of the function around it without capturing it yet
  auto scale = [](int v) { return v * int(Scale); };
  cosm::await(cosm::sleep(0));
  return scale(2);
}

template <class T> COSM_ASYNC cosm::Coro<T> kept_init_capture(T x) {
  // CHECK: lambda-refusals.cpp:[[@LINE+1]]:13: error: cosm-lower cannot lower a lambda stored in a local that lives across a suspension and has an init-capture whose type depends on a template parameter (capture a local of a written type) yet
  auto g = [y = x + x](T z) { return y + z; };
  cosm::await(cosm::sleep(0));
  return g(x);
}

COSM_ASYNC cosm::Coro<int> kept_captures_lambda() {
  auto inner = [](int k) { return k + 1; };
  // CHECK: lambda-refusals.cpp:[[@LINE+1]]:18: error: cosm-lower cannot lower a lambda stored in a local that lives across a suspension and captures another lambda (capture a std::function holding it) yet
  auto outer = [&inner](int z) { return inner(z) * 10; };
  cosm::await(cosm::sleep(0));
  return outer(1);
}

template <class T> COSM_ASYNC cosm::Coro<T> kept_captures_lambda_in_template(T x) {
  auto inner = [x](int m) { return x * m; };
  // CHECK: lambda-refusals.cpp:[[@LINE+1]]:36: error: cosm-lower cannot lower a lambda stored in a local that lives across a suspension and captures another lambda (capture a std::function holding it) yet
  auto outer = [&](int i) { return inner(i) + 1; };
  cosm::await(cosm::sleep(0));
  return outer(2);
}

COSM_ASYNC cosm::Coro<int> copied_closure() {
  int x = 1;
  auto f = [x] { return x; };
  // CHECK: lambda-refusals.cpp:[[@LINE+1]]:8: error: cosm-lower cannot lower a closure copied from another local or returned by a function, stored in a local that lives across a suspension (store the lambda expression itself, or a std::function) yet
  auto g = f;
  cosm::await(cosm::sleep(0));
  return f() + g();
}
