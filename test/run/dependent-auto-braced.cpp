// `auto v{x}` in a template, kept across a suspension: in C++17 it means
// `auto v(x)`, so the frame names its type as it names `auto v = x`'s
// (`std::decay_t<decltype(x)>`) and builds it with the braces written. A
// string (destroyed on return and on an exception), a size, a moved value,
// a const one, and a local of a generic COSM_ASYNC lambda. Two tasks
// interleave.
//
// RUN: %cosm-lower %s -o %t.cpp -- -std=c++17 -I%cosm_incdir
// RUN: grep -v CHECK %t.cpp | FileCheck %s
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/dependent-auto-braced.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>
#include <stdexcept>
#include <string>
#include <utility>

// CHECK-LABEL: struct describe_frame
// CHECK: std::decay_t<decltype(x)> copy;
// CHECK: std::decay_t<decltype(x.size())> n;
// CHECK: ::new (&copy) std::decay_t<decltype(x)>{x};
template <class T> COSM_ASYNC cosm::Coro<int> describe(T x, bool fail) {
  auto copy{x};
  auto n{x.size()};
  const auto last{x.back()};
  auto moved{std::move(x)};
  cosm::await(cosm::sleep(0));
  copy += "+";
  std::printf("copy %s n %d last %c moved %s\n", copy.c_str(), int(n), last,
              moved.c_str());
  if (fail)
    throw std::runtime_error("failed with " + copy);
  return int(copy.size());
}

COSM_ASYNC cosm::Coro<void> worker(const char *tag) {
  std::string word = tag;
  word += "-word";
  std::printf("%s %d\n", tag, cosm::await(describe(word, false)));
  try {
    cosm::await(describe(word, true));
  } catch (const std::runtime_error &e) {
    std::printf("%s caught %s\n", tag, e.what());
  }
  auto twice = [] COSM_ASYNC(auto v) -> cosm::Coro<int> {
    auto kept{v};
    cosm::await(cosm::sleep(0));
    return int(kept.size()) * 2;
  };
  std::printf("%s twice %d\n", tag, cosm::await(twice(word)));
}

COSM_ASYNC cosm::Coro<void> amain() {
  cosm::Task<void> a = cosm::create_task(worker("a"));
  cosm::Task<void> b = cosm::create_task(worker("b"));
  cosm::await(a);
  cosm::await(b);
}

int main() { cosm::run(amain()); }
