// Futures set by producer tasks after sleeps, several consumers awaiting the
// same future, a done callback, call_soon / call_later callbacks (one scheduling
// another), a future completed from a timer and one failed from a callback.
//
// Fails: F13 in test/fuzz/FINDINGS.md (`cosm::Future<int> f1;` kept in the
// frame is copy-constructed from itself and crashes).
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/futures.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>
#include <string>
#include <vector>

COSM_ASYNC cosm::Coro<void> producer(cosm::Future<int> fut, int v, double d) {
  std::printf("producer %d sleeping\n", v);
  cosm::await(cosm::sleep(d));
  fut.set_result(v);
  std::printf("producer %d set\n", v);
}

COSM_ASYNC cosm::Coro<int> consumer(cosm::Future<int> fut, std::string name) {
  std::printf("%s waiting\n", name.c_str());
  int v = cosm::await(fut);
  std::printf("%s got %d\n", name.c_str(), v);
  return v;
}

COSM_ASYNC cosm::Coro<void> main_() {
  cosm::Loop &loop = cosm::get_running_loop();
  cosm::Future<int> f1;
  cosm::Future<int> f2;
  auto c1 = cosm::create_task(consumer(f1, "c1"));
  auto c2 = cosm::create_task(consumer(f2, "c2"));
  auto c3 = cosm::create_task(consumer(f1, "c3"));
  auto p2 = cosm::create_task(producer(f2, 2, 0.02));
  auto p1 = cosm::create_task(producer(f1, 1, 0.005));
  f1.add_done_callback([](cosm::Future<int> f) { std::printf("f1 callback %d\n", f.result()); });
  loop.call_soon([] { std::puts("call_soon 1"); });
  loop.call_soon([&] {
    std::puts("call_soon 2");
    loop.call_soon([] { std::puts("call_soon nested"); });
  });
  cosm::await(cosm::sleep(0));
  std::puts("main after sleep0");
  int a = cosm::await(c1);
  int b = cosm::await(c2);
  int c = cosm::await(c3);
  cosm::await(p1);
  cosm::await(p2);
  std::printf("sum %d\n", a + b + c);
  cosm::Future<void> fv;
  loop.call_later(0.01, [fv] { std::puts("timer sets fv"); fv.set_result(); });
  cosm::await(fv);
  std::puts("fv done");
  cosm::Future<int> fe;
  loop.call_soon([fe] { fe.set_exception(std::runtime_error("bad future")); });
  try {
    cosm::await(fe);
  } catch (const std::runtime_error &e) {
    std::printf("caught %s\n", e.what());
  }
}

int main() { cosm::run(main_()); }
