// COSM_TRACE writes a Chrome trace: one slice per task step on the task's
// own track, create_task and await as flows between steps. An awaited
// coroutine runs inline, inside its awaiter's step: it has no slice.
//
// RUN: %cosm-lower %s -o %t.cpp -- %cosm_cxxflags
// RUN: %cxx %cosm_cxxflags %t.cpp -o %t %cosm_ldflags
// RUN: rm -f %t.json
// RUN: env COSM_TRACE=%t.json %t | FileCheck --check-prefix=OUT %s
// RUN: %python %S/../../scripts/trace-summary.py %t.json | FileCheck %s
#include <cosm/cosm.hpp>
#include <cstdio>

COSM_ASYNC cosm::Coro<int> leaf(int X) { return X + 1; }

COSM_ASYNC cosm::Coro<void> sleeper() {
  cosm::await(cosm::sleep(0));
  std::puts("sleeper woke");
}

COSM_ASYNC cosm::Coro<void> amain() {
  cosm::Task<void> T = cosm::create_task(sleeper(), "sleepy");
  int V = cosm::await(leaf(1));
  std::printf("leaf: %d\n", V);
  cosm::await(T);
  std::puts("main done");
}

int main() { cosm::run(amain()); }

// OUT:      leaf: 2
// OUT-NEXT: sleeper woke
// OUT-NEXT: main done

// CHECK:      track 1.1 Task-[[MAIN:[0-9]+]] amain
// CHECK-NEXT: track 1.2 sleepy sleeper
// CHECK-NEXT: step 1.1 amain #1 suspended waits_for=sleepy
// CHECK-NEXT: step 1.2 sleeper #1 suspended waits_for=next pass
// CHECK-NEXT: step 1.2 sleeper #2 done
// CHECK-NEXT: step 1.1 amain #2 done
// asyncio.run's two shutdown steps run as tasks too.
// CHECK-NEXT: track 1.3 Task-{{[0-9]+}} shutdown_asyncgens
// CHECK-NEXT: step 1.3 shutdown_asyncgens #1 done
// CHECK-NEXT: track 1.4 Task-{{[0-9]+}} shutdown_default_executor
// CHECK-NEXT: step 1.4 shutdown_default_executor #1 done
// CHECK-NEXT: flow create_task Task-[[MAIN]]#1 -> sleepy#1
// CHECK-NEXT: flow await Task-[[MAIN]]#1 -> Task-[[MAIN]]#2
// CHECK-NEXT: flow await sleepy#1 -> sleepy#2
// CHECK-NOT:  {{.}}
