// Awaits in initialisers, on the right of assignments and in `return`;
// results of scalar, class and move-only type; parameters by value and by
// reference.
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: grep -v CHECK %t.cpp | FileCheck %s
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/values.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>
#include <memory>
#include <string>

COSM_ASYNC cosm::Coro<int> square(int x) {
  cosm::await(cosm::sleep(0));
  return x * x;
}

// A parameter taken by value lives in the frame; one taken by reference is
// a reference member.
// CHECK-LABEL: struct greet_frame final : cosm::Frame<std::string> {
// CHECK-NEXT: std::string name;
// CHECK-NEXT: const std::string &punctuation;
// CHECK: greet_frame(std::string name, const std::string &punctuation)
// CHECK-NEXT: : name(std::move(name)), punctuation(punctuation) {}
COSM_ASYNC cosm::Coro<std::string> greet(std::string name,
                                         const std::string &punctuation) {
  cosm::await(cosm::sleep(0));
  return "hello " + name + punctuation;
}

COSM_ASYNC cosm::Coro<std::unique_ptr<int>> boxed(int v) {
  auto box = std::make_unique<int>(v);
  cosm::await(cosm::sleep(0));
  return box;
}

// CHECK-LABEL: struct values_frame final : cosm::Frame<int> {
// A local initialised by an await after which nothing suspends stays an
// ordinary local of resume().
// CHECK-NOT: int last;
// CHECK-LABEL: cosm::Step resume() override {
// CHECK: a = child.take_result();
// CHECK: b = child_2.take_result();
// CHECK: int last = child_
// The result is stored first, then the locals end, newest first.
// CHECK: return_value(child_{{[0-9]+}}.take_result());
// CHECK-NEXT: live.reset(2);
// CHECK-NEXT: std::destroy_at(&p);
// CHECK-NEXT: live.reset(1);
// CHECK-NEXT: std::destroy_at(&s);
// CHECK-NEXT: live.reset(0);
// CHECK-NEXT: std::destroy_at(&punctuation);
// CHECK-NEXT: return finish();
COSM_ASYNC cosm::Coro<int> values() {
  int a = cosm::await(square(3));
  int b = 0;
  b = cosm::await(square(a));
  std::printf("a=%d b=%d\n", a, b);
  std::string punctuation = "!";
  std::string s = cosm::await(greet("cosm", punctuation));
  std::printf("%s\n", s.c_str());
  std::unique_ptr<int> p = cosm::await(boxed(b + 1));
  std::printf("boxed %d\n", *p);
  {
    int last = cosm::await(square(*p));
    std::printf("last %d\n", last);
  }
  return cosm::await(square(2));
}

COSM_ASYNC cosm::Coro<void> main_() {
  int v = cosm::await(values());
  std::printf("values returned %d\n", v);
}

int main() { cosm::run(main_()); }
