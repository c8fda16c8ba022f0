// Awaiting a coroutine runs it inline, in the awaiting task's step: the
// generated code builds the child's frame inside the parent's (coro_a is
// defined above), steps it directly, and suspends the parent only if the
// child suspended. (The seed's first program.)
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: grep -v CHECK %t.cpp | FileCheck %s
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/await-coroutine.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>

// A coroutine function becomes a frame and a function that only creates it.
// CHECK-LABEL: struct coro_a_frame final : cosm::Frame<void> {
// CHECK: cosm::Step resume() override {
// CHECK-NEXT: std::puts("I am coro_a(). Hi!");
// CHECK-NEXT: return finish();
// CHECK-LABEL: cosm::Coro<void> coro_a() {
// CHECK: return cosm::Coro<void>::make<coro_a_frame>();
COSM_ASYNC cosm::Coro<void> coro_a() { std::puts("I am coro_a(). Hi!"); }

COSM_ASYNC cosm::Coro<void> coro_b() {
  std::puts("I am coro_b(). I sure hope no one hogs the event loop...");
}

// CHECK-LABEL: struct await_coroutines_a_frame final : cosm::Frame<void> {
// CHECK-NEXT: union {
// CHECK-NEXT: cosm::Task<void> task_b;
// CHECK-NEXT: };
// CHECK-NEXT: int i;
// CHECK-NEXT: cosm::Coro<void> child;
// CHECK-NEXT: cosm::ChildSlot<coro_a_frame> child_frame;
// CHECK: switch (state) {
// CHECK-NEXT: case 1:
// CHECK-NEXT: goto resume_1;
// CHECK: ::new (&task_b) cosm::Task<void>(cosm::create_task(coro_b()));
// CHECK: for (i = 0; i < 3; ++i) {
// CHECK-NEXT: // await coro_a(): a coroutine of this file. Its frame is built inside
// CHECK: child = cosm::Coro<void>::embedded(::new (&child_frame) coro_a_frame());
// CHECK-NEXT: resume_1:
// CHECK-NEXT: if (child.step() == cosm::Step::Suspended) {
// CHECK-NEXT: state = 1;
// CHECK-NEXT: return cosm::Step::Suspended;
// CHECK-NEXT: }
// CHECK-NEXT: child.take_result();
COSM_ASYNC cosm::Coro<void> await_coroutines_a() {
  cosm::Task<void> task_b = cosm::create_task(coro_b());
  for (int i = 0; i < 3; ++i)
    cosm::await(coro_a());
  cosm::await(task_b);
}

int main() { cosm::run(await_coroutines_a()); }
