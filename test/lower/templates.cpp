// Function templates, member functions of class templates and member
// function templates marked COSM_ASYNC: the frame is a class template too.
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: grep -v CHECK %t.cpp | FileCheck %s
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/templates.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>
#include <string>
#include <vector>

// CHECK-LABEL: struct twice_frame final : cosm::Frame<T> {
// CHECK-NEXT: using cosm::Frame<T>::state;
// CHECK: T v;
// CHECK: return cosm::Coro<T>::template make<twice_frame<T>>(std::move(v));
template <class T>
COSM_ASYNC cosm::Coro<T> twice(T v) {
  cosm::await(cosm::sleep(0));
  return v + v;
}

// A dependent range: its iterators are named through decltype.
// CHECK-LABEL: struct sum_frame final
// CHECK: decltype(std::begin(std::declval<std::vector<T> &>())) range_begin;
template <class T>
COSM_ASYNC cosm::Coro<T> sum(std::vector<T> items) {
  T total{};
  for (const T &item : items)
    total = total + cosm::await(twice(item));
  return total;
}

// Recursion in a template: the template is declared before its frame.
template <class T>
COSM_ASYNC cosm::Coro<int> countdown(T n) {
  if (n <= 0)
    return 0;
  cosm::await(cosm::sleep(0));
  return 1 + cosm::await(countdown(n - 1));
}

template <class T> struct Box {
  T value;
  // CHECK-LABEL: struct get_frame final : cosm::Frame<T> {
  // CHECK-NEXT: using cosm::Frame<T>::state;
  // CHECK: Box<T> *self;
  COSM_ASYNC cosm::Coro<T> get() {
    cosm::await(cosm::sleep(0));
    return value;
  }
  template <class U>
  COSM_ASYNC cosm::Coro<U> as(U extra) {
    T v = cosm::await(get());
    return static_cast<U>(v) + extra;
  }
};

COSM_ASYNC cosm::Coro<void> main_() {
  std::printf("%d\n", cosm::await(twice(21)));
  std::printf("%s\n", cosm::await(twice(std::string("ab"))).c_str());
  std::printf("%d\n", cosm::await(sum(std::vector<int>{1, 2, 3})));
  std::printf("%d\n", cosm::await(countdown(4L)));
  Box<int> b{7};
  std::printf("%d\n", cosm::await(b.get()));
  std::printf("%.1f\n", cosm::await(b.as(0.5)));
}

int main() { cosm::run(main_()); }
