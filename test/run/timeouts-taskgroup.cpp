// wait_for (in time, timed out, a task that swallows the cancellation),
// timeout scopes, shield, and TaskGroup (success, then a failing child that
// cancels its sibling and the body). Deadlines are at least 20 ms apart.
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/timeouts-taskgroup.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>
#include <exception>
#include <string>

COSM_ASYNC cosm::Coro<int> work(std::string name, double delay, int result) {
  try {
    std::printf("%s start\n", name.c_str());
    cosm::await(cosm::sleep(delay));
    std::printf("%s done\n", name.c_str());
    return result;
  } catch (const cosm::CancelledError &) {
    std::printf("%s cancelled\n", name.c_str());
    throw;
  }
}

COSM_ASYNC cosm::Coro<int> stubborn() {
  try {
    cosm::await(cosm::sleep(1.0));
  } catch (const cosm::CancelledError &) {
    std::puts("stubborn swallows");
  }
  return -1;
}

COSM_ASYNC cosm::Coro<int> failing(std::string name, double delay) {
  cosm::await(cosm::sleep(delay));
  std::printf("%s fails\n", name.c_str());
  throw cosm::ValueError(name);
}

COSM_ASYNC cosm::Coro<int> guarded(cosm::Task<int> t) {
  try {
    cosm::Future<int> f = cosm::shield(t);
    return cosm::await(f);
  } catch (const cosm::CancelledError &) {
    std::puts("guard cancelled");
    throw;
  }
}

COSM_ASYNC cosm::Coro<void> group_body(cosm::TaskGroup tg) {
  tg.create_task(work("long", 1.0, 0));
  tg.create_task(failing("bad", 0.02));
  cosm::await(cosm::sleep(1.0));
}

COSM_ASYNC cosm::Coro<void> main_() {
  int r = cosm::await(cosm::wait_for(work("fast", 0.01, 1), 0.5));
  std::printf("wait_for fast %d\n", r);
  try {
    cosm::await(cosm::wait_for(work("slow", 1.0, 2), 0.03));
  } catch (const cosm::TimeoutError &) {
    std::puts("wait_for timed out");
  }
  r = cosm::await(cosm::wait_for(stubborn(), 0.03));
  std::printf("stubborn gave %d\n", r);

  try {
    cosm::await(cosm::timeout(0.03, work("scoped", 1.0, 3)));
  } catch (const cosm::TimeoutError &) {
    std::puts("timeout scope expired");
  }
  r = cosm::await(cosm::timeout(0.5, work("scoped2", 0.01, 4)));
  std::printf("timeout scope ok %d\n", r);

  auto inner = cosm::create_task(work("precious", 0.05, 5));
  auto g = cosm::create_task(guarded(inner));
  cosm::await(cosm::sleep(0.01));
  g.cancel();
  try {
    cosm::await(g);
  } catch (const cosm::CancelledError &) {
    std::printf("guard done, inner cancelled=%d\n", (int)inner.cancelled());
  }
  std::printf("inner result %d\n", cosm::await(inner));

  cosm::TaskGroup tg;
  auto a = tg.create_task(work("ga", 0.01, 10));
  auto b = tg.create_task(work("gb", 0.03, 20));
  cosm::await(tg.wait());
  std::printf("group results %d %d\n", a.result(), b.result());

  cosm::TaskGroup tg2;
  try {
    cosm::await(tg2.run(group_body(tg2)));
  } catch (const cosm::ExceptionGroup &eg) {
    try {
      std::rethrow_exception(eg.exceptions()[0]);
    } catch (const cosm::ValueError &e) {
      std::printf("group failed with %d error(s): %s\n",
                  (int)eg.exceptions().size(), e.what());
    }
  }
}

int main() { cosm::run(main_()); }
