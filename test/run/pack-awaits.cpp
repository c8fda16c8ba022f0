// Awaits inside pack expansions and folds: the pattern runs for one element
// after the other, each await inline or through the loop as its operand
// decides, interleaved with a ticker task; a fold's operator and the call or
// braced list around the expansion are applied to the results; `&&` and `||`
// stop at the element that decides; an exception stops the expansion; empty
// packs give what C++ gives.
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: grep -v SHAPE %t.cpp | FileCheck %s --check-prefix=SHAPE
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/pack-awaits.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>
#include <stdexcept>
#include <string>
#include <vector>

COSM_ASYNC cosm::Coro<int> fetch(int id) {
  std::printf("fetch %d\n", id);
  cosm::await(cosm::sleep(0));
  if (id < 0)
    throw std::runtime_error("bad id " + std::to_string(id));
  return id * 10;
}

COSM_ASYNC cosm::Coro<bool> check(int id) {
  std::printf("check %d\n", id);
  cosm::await(cosm::sleep(0));
  return id > 0;
}

void report(const char *what, int value) { std::printf("%s %d\n", what, value); }

int use(const char *tag, int a, int b, int c) {
  std::printf("use %s %d %d %d\n", tag, a, b, c);
  return a + b + c;
}

COSM_ASYNC cosm::Coro<void> ticker(int n) {
  for (int i = 0; i < n; ++i) {
    std::printf("tick %d\n", i);
    cosm::await(cosm::sleep(0));
  }
}

// The pattern is a lambda kept in the frame; the expansion, an await of
// in_order(), a coroutine; the fold is applied to its results.
// SHAPE-LABEL: {{^}}template <class... Ids> struct each_all_frame final
// SHAPE: {{^ *}}::new (&[[EACH:each_[0-9_]+]]) [[EACH]]_closure([[EACH]]_closure{label});
// SHAPE: {{^ *}}// coroutine. It runs inline, in this step; no trip through the loop.
// SHAPE-NEXT: {{^ *}}child = cosm::detail::in_order([[EACH]], std::forward_as_tuple(ids)...);
// SHAPE: {{^ *}}return (0 + ... + {{values[_0-9]*}});
// SHAPE: {{^ *}}int last = cosm::detail::last_of(
template <class... Ids> COSM_ASYNC cosm::Coro<int> each_all(Ids... ids) {
  const char *label = "got";
  (report(label, cosm::await(fetch(ids))), ...);
  int total = (0 + ... + cosm::await(fetch(ids)));
  std::printf("total %d\n", total);
  int last = (cosm::await(fetch(ids)), ...);
  std::printf("last %d\n", last);
  return total;
}

template <class... Ids> COSM_ASYNC cosm::Coro<void> calls(Ids... ids) {
  const char *tag = "three";
  int sum = use(tag, cosm::await(fetch(ids))...);
  std::vector<int> got{cosm::await(fetch(ids + 1))...};
  std::printf("sum %d, got %d %d %d\n", sum, got[0], got[1], got[2]);
  bool flag = sum > 0;
  if (flag)
    (report("again", cosm::await(fetch(ids))), ...);
}

// `&&` stops at the first false element: all_in_order().
// SHAPE-LABEL: {{^}}template <class... Ids> struct logic_frame final
// SHAPE: {{^ *}}child = cosm::detail::all_in_order(each_{{[0-9_]+}}, std::forward_as_tuple(ids)...);
template <class... Ids> COSM_ASYNC cosm::Coro<void> logic(Ids... ids) {
  bool all = (cosm::await(check(ids)) && ...);
  std::printf("all %d\n", all);
  bool any = (cosm::await(check(ids)) || ...);
  std::printf("any %d\n", any);
  bool seeded = (true && ... && cosm::await(check(ids)));
  std::printf("seeded %d\n", seeded);
}

template <class... Ts> COSM_ASYNC cosm::Coro<void> tasks(Ts... ts) {
  (report("task", cosm::await(ts)), ...);
}

template <class... Ids> COSM_ASYNC cosm::Coro<int> empty_folds(Ids... ids) {
  bool all = (cosm::await(check(ids)) && ...);
  bool any = (cosm::await(check(ids)) || ...);
  int zero = (0 + ... + cosm::await(fetch(ids)));
  std::printf("empty %d %d %d\n", all, any, zero);
  return zero;
}

COSM_ASYNC cosm::Coro<void> amain() {
  cosm::Task<void> tick = cosm::create_task(ticker(12));
  std::printf("each_all -> %d\n", cosm::await(each_all(1, 2, 3)));
  cosm::await(calls(4, 5, 6));
  cosm::await(logic(1, -2, 3));
  cosm::await(logic(-1, 2));
  cosm::Task<int> a = cosm::create_task(fetch(7));
  cosm::Task<int> b = cosm::create_task(fetch(8));
  cosm::await(tasks(a, b));
  std::printf("empty -> %d\n", cosm::await(empty_folds()));
  try {
    cosm::await(each_all(1, -2, 3));
  } catch (const std::runtime_error &e) {
    std::printf("caught %s\n", e.what());
  }
  cosm::await(tick);
}

int main() { cosm::run(amain()); }
