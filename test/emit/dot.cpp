// --emit=dot: one digraph, a cluster per async function; a node per state
// (0: start, k: suspended at the k-th await), suspension edges labelled
// "inline" (a coroutine) or "via loop" (a task), "throws" edges to the
// handlers an exception can reach or out of the frame, "cancelled" edges
// (via-loop states only) to a handler that takes a CancelledError.
//
// RUN: %cosm-lower --emit=dot %s -o %t.dot
// RUN: FileCheck %s < %t.dot
// The output is deterministic.
// RUN: %cosm-lower --emit=dot %s | diff %t.dot -

#include <cosm/cosm.hpp>
#include <cstdio>
#include <stdexcept>

COSM_ASYNC cosm::Coro<int> child(int n) {
  cosm::await(cosm::sleep(0));
  if (n < 0)
    throw std::invalid_argument("negative");
  return n;
}

// CHECK: digraph "cosm dot.cpp" {
// CHECK-LABEL: subgraph "cluster_f0" {
// CHECK-NEXT: label="child() · line 16";
// CHECK: "f0_start" [label="state 0: start
// CHECK: "f0_s1" [label="state 1 · line 17\nawait cosm::sleep(0)\n(sleep, in this frame)"
// CHECK-DAG: "f0_start" -> "f0_s1" [label="via loop"
// CHECK-DAG: "f0_s1" -> "f0_return" [label="return"
// The throw statement after the await, and the await itself.
// CHECK-DAG: "f0_s1" -> "f0_raise" [label="throws"
// CHECK-DAG: "f0_s1" -> "f0_cancelled" [label="cancelled"

COSM_ASYNC cosm::Coro<int> parent() {
  int total = 0;
  auto task = cosm::create_task(child(2));
  for (int i = 0; i < 2; ++i) {
    try {
      total += cosm::await(child(i - 1));
    } catch (const std::invalid_argument &) {
      std::puts("negative");
    }
  }
  try {
    total += cosm::await(task);
  } catch (const cosm::CancelledError &) {
    std::puts("cancelled");
    throw;
  }
  return total;
}

// CHECK-LABEL: subgraph "cluster_f1" {
// CHECK-NEXT: label="parent() · line 34";
// CHECK: "f1_s1" [label="state 1 · line 39\nawait child(i - 1)\n(coroutine)"
// CHECK: "f1_s2" [label="state 2 · line 45\nawait task\n(task)"
// CHECK: "f1_catch1" [label="catch (const std::invalid_argument &)\nline 40"
// CHECK: "f1_catch2" [label="catch (const cosm::CancelledError &)\nline 46"
// CHECK-DAG: "f1_start" -> "f1_s1" [label="inline"
// CHECK-DAG: "f1_start" -> "f1_s2" [label="via loop"
// The loop goes round again, or on to the task.
// CHECK-DAG: "f1_s1" -> "f1_s1" [label="inline"
// CHECK-DAG: "f1_s1" -> "f1_s2" [label="via loop"
// CHECK-DAG: "f1_s2" -> "f1_return" [label="return"
// An exception from the child: its handler, or out of the frame (the
// handler does not take everything); the handler goes on with the loop.
// CHECK-DAG: "f1_s1" -> "f1_catch1" [label="throws"
// CHECK-DAG: "f1_s1" -> "f1_raise" [label="throws"
// CHECK-DAG: "f1_catch1" -> "f1_s1" [label="inline"
// CHECK-DAG: "f1_catch1" -> "f1_s2" [label="via loop"
// The task: its exception, and a cancellation caught by the handler, which
// rethrows.
// CHECK-DAG: "f1_s2" -> "f1_catch2" [label="throws"
// CHECK-DAG: "f1_s2" -> "f1_catch2" [label="cancelled"
// CHECK-DAG: "f1_catch2" -> "f1_raise" [label="throws"
// CHECK-NOT: "f1_s1" -> {{.*}} [label="cancelled"
// CHECK: }
// CHECK-NEXT: }

int main() { return cosm::run(parent()); }
