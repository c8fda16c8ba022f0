// Issue 4, named regression test 10: destroying a suspended frame, and
// cancelling a task mid-await, destroys exactly the objects alive at that
// suspension point, in reverse order of construction, innermost frame
// first; objects of scopes already left are not destroyed again and objects
// declared after the suspension point are never built. A pointer to a local
// taken before an await still points at the same object after it.
//
// Three ways a suspended frame ends:
//   1. Task::cancel() while the task awaits (CancelledError at the await;
//      handlers run; the task ends cancelled).
//   2. cosm::run() cancelling a task still blocked when main returns.
//   3. A cosm::Loop destroyed with a task still pending: its frames are
//      destroyed without resuming (Python twin: the coroutine is closed).
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: grep -v CHECK %t.cpp | FileCheck %s
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/10-destroy-suspended-frame.py > %t.want
// RUN: %t.gcc 2>%t.gcc.err | diff %t.want -
// RUN: %t.clang 2>%t.clang.err | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>
#include <string>

struct Noisy {
  std::string n;
  explicit Noisy(std::string s) : n(std::move(s)) { std::printf("+%s\n", n.c_str()); }
  Noisy(const Noisy &) = delete;
  ~Noisy() { std::printf("-%s\n", n.c_str()); }
};

COSM_ASYNC cosm::Coro<void> inner(std::string tag, cosm::Future<int> never) {
  Noisy i1(tag + ".inner1");
  {
    Noisy gone(tag + ".inner-gone");
    cosm::await(cosm::sleep(0));
  }
  Noisy i2(tag + ".inner2");
  cosm::await(never); // blocked here
  Noisy unreached(tag + ".inner-unreached");
}

// The frame records which objects are alive; destroying it ends exactly
// those, newest first. (`unreached` is in the frame too: it is nested in
// frame objects, so its destruction is explicit as well.)
// CHECK-LABEL: struct outer_frame
// CHECK: void unwind() noexcept override {
// CHECK: if (live[{{[0-9]+}}]) {
// CHECK-NEXT: live.reset({{[0-9]+}});
// CHECK-NEXT: std::destroy_at(&unreached);
// CHECK: if (live[{{[0-9]+}}]) {
// CHECK-NEXT: live.reset({{[0-9]+}});
// CHECK-NEXT: std::destroy_at(&b);
// CHECK: if (live[{{[0-9]+}}]) {
// CHECK-NEXT: live.reset({{[0-9]+}});
// CHECK-NEXT: std::destroy_at(&gone);
// CHECK: if (live[{{[0-9]+}}]) {
// CHECK-NEXT: live.reset({{[0-9]+}});
// CHECK-NEXT: std::destroy_at(&a);
COSM_ASYNC cosm::Coro<void> outer(std::string tag, cosm::Future<int> never) {
  Noisy a(tag + ".a");
  Noisy *pa = &a;
  {
    Noisy gone(tag + ".gone");
    cosm::await(cosm::sleep(0));
  }
  Noisy b(tag + ".b");
  cosm::await(cosm::sleep(0));
  std::printf("%s: pointer to a still valid: %s, names %s\n", tag.c_str(),
              pa == &a ? "same object" : "MOVED", pa->n.c_str());
  cosm::await(inner(tag, never));
  Noisy unreached(tag + ".unreached");
}

COSM_ASYNC cosm::Coro<void> catcher(std::string tag, cosm::Future<int> never) {
  Noisy c(tag + ".catcher");
  try {
    cosm::await(outer(tag, never));
  } catch (const cosm::CancelledError &) {
    std::printf("%s: CancelledError reached the handler\n", tag.c_str());
    throw;
  }
}

COSM_ASYNC cosm::Coro<void> ticks(int n) {
  for (int i = 0; i < n; ++i)
    cosm::await(cosm::sleep(0));
}

COSM_ASYNC cosm::Coro<void> main_() {
  std::puts("== 1: cancel mid-await");
  cosm::Future<int> never;
  auto t = cosm::create_task(catcher("t1", never));
  cosm::await(ticks(5));
  std::puts("cancelling t1");
  t.cancel();
  try {
    cosm::await(t);
  } catch (const cosm::CancelledError &) {
    std::printf("t1 cancelled: %s\n", t.cancelled() ? "yes" : "no");
  }
  std::puts("== 2: left blocked when main returns");
  auto left = cosm::create_task(outer("t2", never));
  cosm::await(ticks(5));
  std::puts("main returns");
}

int main() {
  cosm::run(main_());
  std::puts("== 3: loop destroyed with a pending task");
  {
    cosm::Loop loop;
    cosm::Future<int> never(loop);
    auto pending = loop.create_task(outer("t3", never));
    loop.run_until_complete(ticks(5));
    std::puts("destroying the loop");
  }
  std::puts("loop gone");
}
