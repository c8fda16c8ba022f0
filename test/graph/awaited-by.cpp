// print_call_graph / format_call_graph on a lowered program: each task's
// call stack through inline awaits, with the user's file and lines (from
// the table cosm-lower emits per frame, so the same with or without #line
// directives), and awaited-by edges for a task awaiting a task, gather,
// TaskGroup, wait_for, shield and a future awaited by several tasks, as
// asyncio 3.14 prints them. Ids vary: they are matched, not compared.
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: %cosm-lower --line-directives %s -o %t-lines.cpp
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t-lines.cpp %cosm_ldflags -o %t.clang
// RUN: echo "-DFILE=%s" > %t.vars
// RUN: for m in LEAF MIDDLE AWAIT_TASK GATHER GROUP WAIT_FOR SHIELD SHARED REPORT_FN REPORT; do echo "-D$m=$(grep -n "// $m\$" %s | cut -d: -f1)"; done >> %t.vars
// RUN: %t.gcc | FileCheck %s $(cat %t.vars)
// RUN: %t.clang | FileCheck %s $(cat %t.vars)

#include <cosm/cosm.hpp>
#include <cstdio>

static cosm::Future<void> gate, shared;

COSM_ASYNC cosm::Coro<void> leaf() {
  cosm::await(gate); // LEAF
}

COSM_ASYNC cosm::Coro<void> middle() {
  cosm::await(leaf()); // MIDDLE
}

COSM_ASYNC cosm::Coro<void> await_task(cosm::Task<void> t) {
  cosm::await(t); // AWAIT_TASK
}

COSM_ASYNC cosm::Coro<void> gathers(cosm::Task<void> a, cosm::Task<void> b) {
  cosm::await(cosm::gather(a, b)); // GATHER
}

COSM_ASYNC cosm::Coro<void> group(cosm::Task<void> *child) {
  cosm::TaskGroup tg;
  *child = tg.create_task(middle(), "group-child");
  cosm::await(tg.wait()); // GROUP
}

COSM_ASYNC cosm::Coro<void> timed(cosm::Task<void> t) {
  cosm::await(cosm::wait_for(t, 1000.0)); // WAIT_FOR
}

COSM_ASYNC cosm::Coro<void> shielded(cosm::Task<void> t) {
  cosm::await(cosm::shield(t)); // SHIELD
}

COSM_ASYNC cosm::Coro<void> wait_shared() {
  cosm::await(shared); // SHARED
}

COSM_ASYNC cosm::Coro<void> report() { // REPORT_FN
  cosm::print_call_graph();
}

static void show(const char *title, cosm::GraphTarget what) {
  std::printf("-- %s\n", title);
  cosm::print_call_graph(what);
}

COSM_ASYNC cosm::Coro<void> amain() {
  cosm::current_task().set_name("main");
  cosm::await(report()); // REPORT
  cosm::Task<void> worker = cosm::create_task(middle(), "worker");
  cosm::Task<void> waiter = cosm::create_task(await_task(worker), "waiter");
  cosm::Task<void> g1 = cosm::create_task(leaf(), "g1");
  cosm::Task<void> g2 = cosm::create_task(middle(), "g2");
  cosm::Task<void> gatherer = cosm::create_task(gathers(g1, g2), "gatherer");
  cosm::Task<void> child;
  cosm::Task<void> grouper = cosm::create_task(group(&child), "grouper");
  cosm::Task<void> inner = cosm::create_task(leaf(), "inner");
  cosm::Task<void> timer = cosm::create_task(timed(inner), "timer");
  cosm::Task<void> kept = cosm::create_task(leaf(), "kept");
  cosm::Task<void> guard = cosm::create_task(shielded(kept), "guard");
  cosm::Task<void> s1 = cosm::create_task(wait_shared(), "s1");
  cosm::Task<void> s2 = cosm::create_task(wait_shared(), "s2");
  for (int i = 0; i < 5; ++i)
    cosm::await(cosm::sleep(0));
  show("task awaiting a task", worker);
  show("gather", g2);
  show("TaskGroup", child);
  show("wait_for", inner);
  show("shield", kept);
  show("future awaited by several tasks", shared);
  gate.set_result();
  shared.set_result();
  cosm::await(cosm::gather(waiter, gatherer, grouper, timer, guard, s1, s2)); // RUN
}

int main() { cosm::run(amain()); }

// The current task: its innermost frame at the function's line (it has
// not suspended yet), its awaiter at the await.
// CHECK:      * Task(name='main', id=0x{{[0-9a-f]+}})
// CHECK-NEXT:   + Call stack:
// CHECK-NEXT:   |   File '[[FILE]]', line [[REPORT_FN]], in async report()
// CHECK-NEXT:   |   File '[[FILE]]', line [[REPORT]], in async amain()
// CHECK-NEXT: -- task awaiting a task
// CHECK-NEXT: * Task(name='worker', id=0x{{[0-9a-f]+}})
// CHECK-NEXT:   + Call stack:
// CHECK-NEXT:   |   File '[[FILE]]', line [[LEAF]], in async leaf()
// CHECK-NEXT:   |   File '[[FILE]]', line [[MIDDLE]], in async middle()
// CHECK-NEXT:   + Awaited by:
// CHECK-NEXT:     * Task(name='waiter', id=0x{{[0-9a-f]+}})
// CHECK-NEXT:       + Call stack:
// CHECK-NEXT:       |   File '[[FILE]]', line [[AWAIT_TASK]], in async await_task()
// CHECK-NEXT: -- gather
// CHECK-NEXT: * Task(name='g2', id=0x{{[0-9a-f]+}})
// CHECK-NEXT:   + Call stack:
// CHECK-NEXT:   |   File '[[FILE]]', line [[LEAF]], in async leaf()
// CHECK-NEXT:   |   File '[[FILE]]', line [[MIDDLE]], in async middle()
// CHECK-NEXT:   + Awaited by:
// CHECK-NEXT:     * Task(name='gatherer', id=0x{{[0-9a-f]+}})
// CHECK-NEXT:       + Call stack:
// CHECK-NEXT:       |   File '[[FILE]]', line [[GATHER]], in async gathers()
// CHECK-NEXT: -- TaskGroup
// CHECK-NEXT: * Task(name='group-child', id=0x{{[0-9a-f]+}})
// CHECK-NEXT:   + Call stack:
// CHECK-NEXT:   |   File '[[FILE]]', line [[LEAF]], in async leaf()
// CHECK-NEXT:   |   File '[[FILE]]', line [[MIDDLE]], in async middle()
// CHECK-NEXT:   + Awaited by:
// CHECK-NEXT:     * Task(name='grouper', id=0x{{[0-9a-f]+}})
// CHECK-NEXT:       + Call stack:
// CHECK-NEXT:       |   File '<cosm>', line 0, in async TaskGroup.__aexit__()
// CHECK-NEXT:       |   File '[[FILE]]', line [[GROUP]], in async group()
// CHECK-NEXT: -- wait_for
// CHECK-NEXT: * Task(name='inner', id=0x{{[0-9a-f]+}})
// CHECK-NEXT:   + Call stack:
// CHECK-NEXT:   |   File '[[FILE]]', line [[LEAF]], in async leaf()
// CHECK-NEXT:   + Awaited by:
// CHECK-NEXT:     * Task(name='timer', id=0x{{[0-9a-f]+}})
// CHECK-NEXT:       + Call stack:
// CHECK-NEXT:       |   File '<cosm>', line 0, in async wait_for()
// CHECK-NEXT:       |   File '[[FILE]]', line [[WAIT_FOR]], in async timed()
// CHECK-NEXT: -- shield
// CHECK-NEXT: * Task(name='kept', id=0x{{[0-9a-f]+}})
// CHECK-NEXT:   + Call stack:
// CHECK-NEXT:   |   File '[[FILE]]', line [[LEAF]], in async leaf()
// CHECK-NEXT:   + Awaited by:
// CHECK-NEXT:     * Task(name='guard', id=0x{{[0-9a-f]+}})
// CHECK-NEXT:       + Call stack:
// CHECK-NEXT:       |   File '[[FILE]]', line [[SHIELD]], in async shielded()
// CHECK-NEXT: -- future awaited by several tasks
// CHECK-NEXT: * Future(id=0x{{[0-9a-f]+}})
// CHECK-NEXT:   + Awaited by:
// CHECK-NEXT:     * Task(name='s1', id=0x{{[0-9a-f]+}})
// CHECK-NEXT:       + Call stack:
// CHECK-NEXT:       |   File '[[FILE]]', line [[SHARED]], in async wait_shared()
// CHECK-NEXT:     * Task(name='s2', id=0x{{[0-9a-f]+}})
// CHECK-NEXT:       + Call stack:
// CHECK-NEXT:       |   File '[[FILE]]', line [[SHARED]], in async wait_shared()
// CHECK-NOT: {{.}}
