// Awaits whose operand's type is a template parameter: one function
// template awaited with a coroutine (inline), a task and a future (through
// the loop), a member template, a reference parameter, and a cancellation
// that reaches a task through a dependent await (asyncio cancels the awaited
// task too).
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/dependent-awaits.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>

template <class A> COSM_ASYNC cosm::Coro<int> plus_one(A a) {
  std::printf("plus_one waits\n");
  int v = cosm::await(a);
  std::printf("plus_one got %d\n", v);
  return v + 1;
}

template <class A> COSM_ASYNC cosm::Coro<int> sum_of(const A &first, A second) {
  return cosm::await(first) + cosm::await(second);
}

struct Relay {
  int hops = 0;
  template <class A> COSM_ASYNC cosm::Coro<int> pass(A a) {
    ++hops;
    return cosm::await(a);
  }
};

COSM_ASYNC cosm::Coro<int> child(const char *name, int v) {
  std::printf("child %s starts\n", name);
  cosm::await(cosm::sleep(0));
  std::printf("child %s ends\n", name);
  return v;
}

COSM_ASYNC cosm::Coro<int> forever(const char *name) {
  try {
    cosm::await(cosm::sleep(3600));
  } catch (const cosm::CancelledError &) {
    std::printf("%s cancelled\n", name);
    throw;
  }
  return 0;
}

COSM_ASYNC cosm::Coro<void> amain() {
  int a = cosm::await(plus_one(child("inline", 1)));
  std::printf("a %d\n", a);

  cosm::Task<int> t = cosm::create_task(child("task", 2));
  int b = cosm::await(plus_one(t));
  std::printf("b %d\n", b);

  cosm::Future<int> f;
  cosm::get_running_loop().call_soon([f] { f.set_result(3); });
  int c = cosm::await(plus_one(f));
  std::printf("c %d\n", c);

  cosm::Task<int> x = cosm::create_task(child("x", 4));
  cosm::Task<int> y = cosm::create_task(child("y", 5));
  std::printf("sum %d\n", cosm::await(sum_of(x, y)));

  Relay relay;
  int d = cosm::await(relay.pass(child("relayed", 6)));
  std::printf("d %d hops %d\n", d, relay.hops);

  cosm::Task<int> slow = cosm::create_task(forever("slow"));
  cosm::Task<int> waiter = cosm::create_task(plus_one(slow));
  cosm::await(cosm::sleep(0));
  waiter.cancel();
  try {
    cosm::await(waiter);
  } catch (const cosm::CancelledError &) {
    std::printf("waiter cancelled, slow cancelled: %d\n", slow.cancelled());
  }
}

int main() { cosm::run(amain()); }
