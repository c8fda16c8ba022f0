// share/cosm/gdb/cosm.py: `cosm tasks` and `cosm graph` read a stopped
// program's tasks through debug information, in the live process (stopped
// by abort() in a plain callback, every task suspended) and in a core file
// of it, with the user's files and lines from the frames' tables. g++
// emits a polymorphic class's debug information only where its vtable is
// (libcosm, which may have none): -femit-class-debug-always puts the
// runtime's task types in the program's.
//
// REQUIRES: gdb
// A core of a sanitized process would hold its whole shadow memory.
// UNSUPPORTED: asan, tsan
// RUN: %cosm-lower %s -o %t.cpp
// RUN: %cxx %cosm_cxxflags -g -O0 -femit-class-debug-always %t.cpp %cosm_ldflags -o %t
// RUN: rm -f %t.core
// RUN: echo "-DFILE=%s" > %t.vars
// RUN: for m in LEAF MIDDLE AWAIT_TASK GROUP NAP MAIN; do echo "-D$m=$(grep -n "// $m\$" %s | cut -d: -f1)"; done >> %t.vars
// RUN: gdb -q -batch -nx -x %S/../../share/cosm/gdb/cosm.py -ex run -ex "cosm tasks" -ex "cosm graph" -ex "cosm graph worker" -ex "generate-core-file %t.core" %t > %t.live 2> %t.live.err
// RUN: FileCheck %s $(cat %t.vars) < %t.live
// RUN: gdb -q -batch -nx -x %S/../../share/cosm/gdb/cosm.py -ex "cosm tasks" -ex "cosm graph" -ex "cosm graph worker" %t %t.core > %t.dead 2> %t.dead.err
// RUN: FileCheck %s $(cat %t.vars) < %t.dead

#include <cosm/cosm.hpp>
#include <cstdlib>

static cosm::Future<void> gate;

COSM_ASYNC cosm::Coro<void> leaf() {
  cosm::await(gate); // LEAF
}

COSM_ASYNC cosm::Coro<void> middle() {
  cosm::await(leaf()); // MIDDLE
}

COSM_ASYNC cosm::Coro<void> await_task(cosm::Task<void> t) {
  cosm::await(t); // AWAIT_TASK
}

COSM_ASYNC cosm::Coro<void> group() {
  cosm::TaskGroup tg;
  tg.create_task(middle(), "child");
  cosm::await(tg.wait()); // GROUP
}

COSM_ASYNC cosm::Coro<void> nap() {
  cosm::await(cosm::sleep(60)); // NAP
}

COSM_ASYNC cosm::Coro<void> amain() {
  cosm::current_task().set_name("main");
  cosm::Task<void> worker = cosm::create_task(middle(), "worker");
  cosm::Task<void> waiter = cosm::create_task(await_task(worker), "waiter");
  cosm::Task<void> grouper = cosm::create_task(group(), "grouper");
  for (int i = 0; i < 5; ++i)
    cosm::await(cosm::sleep(0));
  // Two tasks asleep: in a frame's own SleepAwaiter, and sleep's own frame.
  cosm::Task<void> napper = cosm::create_task(nap(), "napper");
  cosm::Task<void> sleeper = cosm::create_task(cosm::sleep(60), "sleeper");
  // Every task waits now: stop the process from a plain callback.
  cosm::get_running_loop().call_soon([] { std::abort(); });
  cosm::await(waiter); // MAIN
  cosm::await(grouper);
}

int main() { cosm::run(amain()); }

// CHECK-LABEL: SIGABRT
// CHECK: 0x{{[0-9a-f]+}} 'main' pending: amain() at [[FILE]]:[[MAIN]]
// CHECK-NEXT: 0x{{[0-9a-f]+}} 'worker' pending: leaf() at [[FILE]]:[[LEAF]] <- middle() at [[FILE]]:[[MIDDLE]] (awaited by waiter)
// CHECK-NEXT: 0x{{[0-9a-f]+}} 'waiter' pending: await_task() at [[FILE]]:[[AWAIT_TASK]] (awaited by main)
// CHECK-NEXT: 0x{{[0-9a-f]+}} 'grouper' pending: {{.*}}() at <cosm>:0 <- group() at [[FILE]]:[[GROUP]]
// CHECK-NEXT: 0x{{[0-9a-f]+}} 'child' pending: leaf() at [[FILE]]:[[LEAF]] <- middle() at [[FILE]]:[[MIDDLE]] (awaited by grouper)
// CHECK-NEXT: 0x{{[0-9a-f]+}} 'napper' pending: sleep() at <cosm>:0 <- nap() at [[FILE]]:[[NAP]]
// CHECK-NEXT: 0x{{[0-9a-f]+}} 'sleeper' pending: sleep() at <cosm>:0
// `cosm graph`: the tasks nobody waits for.
// CHECK-NEXT: * Task(name='worker', id=0x{{[0-9a-f]+}})
// CHECK-NEXT:   + Call stack:
// CHECK-NEXT:   |   File '[[FILE]]', line [[LEAF]], in async leaf()
// CHECK-NEXT:   |   File '[[FILE]]', line [[MIDDLE]], in async middle()
// CHECK-NEXT:   + Awaited by:
// CHECK-NEXT:     * Task(name='waiter', id=0x{{[0-9a-f]+}})
// CHECK-NEXT:       + Call stack:
// CHECK-NEXT:       |   File '[[FILE]]', line [[AWAIT_TASK]], in async await_task()
// CHECK-NEXT:       + Awaited by:
// CHECK-NEXT:         * Task(name='main', id=0x{{[0-9a-f]+}})
// CHECK-NEXT:           + Call stack:
// CHECK-NEXT:           |   File '[[FILE]]', line [[MAIN]], in async amain()
// CHECK-NEXT: * Task(name='child', id=0x{{[0-9a-f]+}})
// CHECK-NEXT:   + Call stack:
// CHECK-NEXT:   |   File '[[FILE]]', line [[LEAF]], in async leaf()
// CHECK-NEXT:   |   File '[[FILE]]', line [[MIDDLE]], in async middle()
// CHECK-NEXT:   + Awaited by:
// CHECK-NEXT:     * Task(name='grouper', id=0x{{[0-9a-f]+}})
// CHECK-NEXT:       + Call stack:
// CHECK-NEXT:       |   File '<cosm>', line 0, in async {{.*}}()
// CHECK-NEXT:       |   File '[[FILE]]', line [[GROUP]], in async group()
// CHECK-NEXT: * Task(name='napper', id=0x{{[0-9a-f]+}})
// CHECK-NEXT:   + Call stack:
// CHECK-NEXT:   |   File '<cosm>', line 0, in async sleep()
// CHECK-NEXT:   |   File '[[FILE]]', line [[NAP]], in async nap()
// CHECK-NEXT: * Task(name='sleeper', id=0x{{[0-9a-f]+}})
// CHECK-NEXT:   + Call stack:
// CHECK-NEXT:   |   File '<cosm>', line 0, in async sleep()
// `cosm graph worker`
// CHECK-NEXT: * Task(name='worker', id=0x{{[0-9a-f]+}})
