// Members of classes the printed type does not name: an out-of-line
// COSM_ASYNC member of a class (and of a class template) nested in a class
// template, whose frame is qualified as the definition writes it
// (`Outer<T>::Inner<U>::`), and a class template with an unnamed parameter
// whose `[this]` COSM_ASYNC lambda names the object by the class's injected
// name. Both lowered to code that did not compile.
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: grep -v CHECK %t.cpp | FileCheck %s
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/class-template-nested.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>

template <class T> struct Outer {
  template <class U> struct Inner {
    T t;
    U u;
    cosm::Coro<long> sum() const;
  };
  struct Plain {
    T t;
    cosm::Coro<T> get();
  };
};

// CHECK: struct Outer<T>::Inner<U>::sum_frame final
// CHECK: const Inner *self;
template <class T>
template <class U>
COSM_ASYNC cosm::Coro<long> Outer<T>::Inner<U>::sum() const {
  cosm::await(cosm::sleep(0));
  return t + u;
}

// CHECK: struct Outer<T>::Plain::get_frame final
template <class T> COSM_ASYNC cosm::Coro<T> Outer<T>::Plain::get() {
  cosm::await(cosm::sleep(0));
  return t * 2;
}

template <class T, class = void> struct S {
  T v;
  // CHECK-LABEL: struct get_lambda_frame
  // CHECK: S *self;
  COSM_ASYNC cosm::Coro<T> get() {
    cosm::await(cosm::sleep(0));
    auto l = [this] COSM_ASYNC () -> cosm::Coro<T> {
      cosm::await(cosm::sleep(0));
      return v;
    };
    return cosm::await(l()) + 1;
  }
};

COSM_ASYNC cosm::Coro<void> amain() {
  Outer<int>::Inner<long> in{3, 4};
  std::printf("sum %ld\n", cosm::await(in.sum()));
  Outer<int>::Plain p{5};
  std::printf("get %d\n", cosm::await(p.get()));
  S<int> s{4};
  std::printf("lambda %d\n", cosm::await(s.get()));
}

int main() { cosm::run(amain()); }
