// Lambdas inside lambdas, where the outer one captures frame locals: the
// inner lambda's captures name the outer one's (copies made when the outer
// lambda was), not the frame's. A reference local (held in the frame as a
// pointer), locals named like the frame base's members (`state`,
// `finish`), explicit and default captures, in a plain function, in a
// template, and in a lambda kept across a suspension (lifted into a function
// object whose members the inner lambda captures).
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: grep -v SHAPE %t.cpp | FileCheck %s --check-prefix=SHAPE
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/nested-lambdas.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>
#include <vector>

// SHAPE-LABEL: struct names_frame
// SHAPE: auto inner = [state = state, &finish = finish]() {
COSM_ASYNC cosm::Coro<int> names() {
  int state = 1;
  int finish = 2;
  cosm::await(cosm::sleep(0));
  auto outer = [=]() {
    auto inner = [&]() { return state * 10 + finish; };
    return inner();
  };
  auto kept = [state, &finish]() {
    auto inner = [state, &finish]() { return state * 10 + finish; };
    return inner();
  };
  state = 5;
  finish = 7;
  std::printf("names: %d %d\n", outer(), kept());
  cosm::await(cosm::sleep(0));
  std::printf("names: %d\n", kept());
  return state + finish;
}

template <class T> COSM_ASYNC cosm::Coro<T> refs(T x) {
  T k = x;
  T &r = k;
  std::vector<T> items{x, x + 1};
  cosm::await(cosm::sleep(0));
  {
    auto outer = [=]() {
      auto inner = [&]() { return k + r + T(items.size()); };
      return inner();
    };
    k = k + 100;
    std::printf("refs: %d (k is %d)\n", int(outer()), int(k));
  }
  auto keep = [&, x]() mutable {
    x += 1;
    auto inner = [x, &r] { return x + r; };
    return inner();
  };
  cosm::await(cosm::sleep(0));
  std::printf("refs: %d\n", int(keep()));
  r = 7;
  cosm::await(cosm::sleep(0));
  std::printf("refs: %d\n", int(keep()));
  return k;
}

COSM_ASYNC cosm::Coro<void> amain() {
  std::printf("names -> %d\n", cosm::await(names()));
  std::printf("refs -> %d\n", cosm::await(refs(1)));
  std::printf("refs -> %ld\n", cosm::await(refs(2L)));
}

int main() { cosm::run(amain()); }
