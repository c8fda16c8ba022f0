// Awaiting a task that is not done registers the task's wake-up as a done
// callback and returns to the loop; a loop over tasks keeps its range and
// iterators in the frame. (The seed's second program.)
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: grep -v CHECK %t.cpp | FileCheck %s
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/await-task.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>
#include <vector>

COSM_ASYNC cosm::Coro<void> coro_a() { std::puts("I am coro_a(). Hi!"); }
COSM_ASYNC cosm::Coro<void> coro_b() {
  std::puts("I am coro_b(). I sure hope no one hogs the event loop...");
}

// CHECK-LABEL: struct await_tasks_a_frame final : cosm::Frame<void> {
// CHECK: cosm::Task<void> *task_a;
// CHECK: std::vector<cosm::Task<void>> *range;
// The loop that creates the tasks does not suspend: it stays as written.
// CHECK: for (int i = 0; i < 3; ++i) {
// CHECK: range = std::addressof(tasks_a);
// CHECK-NEXT: for (range_begin = (*range).begin(), range_end = (*range).end();
// CHECK: task_a = std::addressof(*range_begin);
// CHECK: // await task_a: a task. Unless it is done, this task registers its
// CHECK-NEXT: // wake-up as the task's done callback and returns to the loop.
// CHECK-NEXT: if (!(*task_a).done()) {
// CHECK-NEXT: state = 1;
// CHECK-NEXT: return cosm::suspend_on((*task_a));
// CHECK-NEXT: resume_1:
// CHECK-NEXT: cosm::resume_point();
// CHECK: (*task_a).result();
COSM_ASYNC cosm::Coro<void> await_tasks_a() {
  cosm::Task<void> task_b = cosm::create_task(coro_b());
  std::vector<cosm::Task<void>> tasks_a;
  for (int i = 0; i < 3; ++i)
    tasks_a.push_back(cosm::create_task(coro_a()));
  for (auto &task_a : tasks_a)
    cosm::await(task_a);
  cosm::await(task_b);
}

int main() { cosm::run(await_tasks_a()); }
