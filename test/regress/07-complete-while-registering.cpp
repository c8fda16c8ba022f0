// Issue 4, named regression test 7: a future completed from inside the call
// that registers its callback, or right around the suspension, never resumes
// anything re-entrantly: the awaiting frame has saved its state before it
// registers its wake-up, and every wake-up and done callback goes through
// call_soon (as in asyncio), so code after set_result() runs before the
// waiter.
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: grep -v CHECK %t.cpp | FileCheck %s
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/07-complete-while-registering.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>

COSM_ASYNC cosm::Coro<void> ticker() {
  for (int i = 0; i < 30; ++i) {
    std::printf("  tick %d\n", i);
    cosm::await(cosm::sleep(0));
  }
}

// A done callback whose move constructor completes the future it is being
// registered on: the future becomes done inside add_done_callback, before
// the callback is stored. The callback still runs later, from the loop.
struct SetsWhileMoved {
  cosm::Future<int> fut;
  int value;
  SetsWhileMoved(cosm::Future<int> f, int v) : fut(f), value(v) {}
  SetsWhileMoved(const SetsWhileMoved &) = default;
  SetsWhileMoved(SetsWhileMoved &&o) noexcept : fut(o.fut), value(o.value) {
    if (!fut.done()) {
      std::printf("set_result(%d) inside add_done_callback\n", value);
      fut.set_result(value);
    }
  }
  void operator()(cosm::Future<int> f) const { std::printf("done callback sees %d\n", f.result()); }
};

COSM_ASYNC cosm::Coro<int> waiter(cosm::Future<int> fut, const char *name) {
  std::printf("%s waits\n", name);
  int v = cosm::await(fut);
  std::printf("%s resumed with %d\n", name, v);
  return v;
}

// The state is stored before the wake-up is registered.
// CHECK-LABEL: struct main__frame
// CHECK: if (!f1.done()) {
// CHECK-NEXT: state = [[N:[0-9]+]];
// CHECK-NEXT: return cosm::suspend_on(f1);
// CHECK-NEXT: resume_[[N]]:
COSM_ASYNC cosm::Coro<void> main_() {
  cosm::Loop &loop = cosm::get_running_loop();
  auto tick = cosm::create_task(ticker());

  // 1. A callback given to call_soon before the await completes the future
  //    the frame then suspends on; it keeps running after set_result().
  std::puts("-- 1");
  cosm::Future<int> f1;
  loop.call_soon([f1] {
    std::puts("callback sets f1");
    f1.set_result(1);
    std::puts("callback after set_result (before the waiter)");
  });
  int v1 = cosm::await(f1);
  std::printf("main resumed with %d\n", v1);

  // 2. Completed inside add_done_callback's own registration.
  std::puts("-- 2");
  cosm::Future<int> f2;
  f2.add_done_callback(SetsWhileMoved(f2, 2));
  std::printf("add_done_callback returned, done=%d\n", f2.done() ? 1 : 0);
  int v2 = cosm::await(f2); // already done: no suspension, no tick
  std::printf("main got %d without suspending\n", v2);
  cosm::await(cosm::sleep(0));

  // 3. A done callback that completes a second future, which another task
  //    waits on, and registers a callback on it after completing it.
  std::puts("-- 3");
  cosm::Future<int> f3a;
  cosm::Future<int> f3b;
  auto w = cosm::create_task(waiter(f3b, "w"));
  cosm::await(cosm::sleep(0));
  f3a.add_done_callback([f3b](cosm::Future<int> a) {
    std::printf("f3a callback sets f3b to %d\n", a.result() * 10);
    f3b.set_result(a.result() * 10);
    f3b.add_done_callback([](cosm::Future<int> b) { std::printf("late f3b callback %d\n", b.result()); });
    std::puts("f3a callback returns");
  });
  f3a.set_result(3);
  std::puts("main after f3a.set_result");
  std::printf("w -> %d\n", cosm::await(w));

  // 4. A task's own done callback registered after it finished.
  std::puts("-- 4");
  auto fin = cosm::create_task(waiter(f3b, "fin"));
  cosm::await(fin);
  fin.add_done_callback([](cosm::Task<int> t) { std::printf("fin callback %d\n", t.result()); });
  std::puts("main after registering on a finished task");
  cosm::await(cosm::sleep(0));
  std::puts("-- end");
  tick.cancel();
}

int main() { cosm::run(main_()); }
