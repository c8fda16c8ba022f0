// Pass-level interleaving: sleep(0) tickers, tasks spawning tasks recursively,
// done callbacks, awaiting a finished task twice, cancel() of a task in a bare
// yield (called twice, and after it finished), gather of tasks.
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/loop-order.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>
#include <string>
#include <vector>

COSM_ASYNC cosm::Coro<int> ticker(std::string n, int k) {
  for (int i = 0; i < k; ++i) {
    std::printf("%s %d\n", n.c_str(), i);
    cosm::await(cosm::sleep(0));
  }
  return k;
}

cosm::Coro<int> spawner(int depth);
COSM_ASYNC cosm::Coro<int> spawner(int depth) {
  std::printf("spawner %d\n", depth);
  if (depth == 0)
    return 0;
  auto t = cosm::create_task(spawner(depth - 1));
  auto u = cosm::create_task(ticker("sp" + std::to_string(depth), 2));
  int a = cosm::await(t);
  int b = cosm::await(u);
  return a + b + 1;
}

COSM_ASYNC cosm::Coro<void> yielder_cancel() {
  try {
    for (int i = 0;; ++i) {
      std::printf("yc %d\n", i);
      cosm::await(cosm::sleep(0));
    }
  } catch (const cosm::CancelledError &) {
    std::puts("yc cancelled");
    throw;
  }
}

COSM_ASYNC cosm::Coro<void> main_() {
  auto t1 = cosm::create_task(ticker("a", 3));
  auto t2 = cosm::create_task(ticker("b", 2));
  t1.add_done_callback([](cosm::Task<int> t) { std::printf("t1 done cb %d\n", t.result()); });
  t2.add_done_callback([](cosm::Task<int>) { std::puts("t2 done cb"); });
  std::printf("spawner -> %d\n", cosm::await(spawner(3)));
  std::printf("t1 -> %d\n", cosm::await(t1));
  std::printf("t1 again -> %d\n", cosm::await(t1));
  auto y = cosm::create_task(yielder_cancel());
  auto z = cosm::create_task(ticker("z", 5));
  cosm::await(cosm::sleep(0));
  cosm::await(cosm::sleep(0));
  std::printf("cancel -> %d\n", (int)y.cancel());
  std::printf("cancel again -> %d\n", (int)y.cancel());
  cosm::await(cosm::sleep(0));
  std::printf("y done %d cancelled %d\n", (int)y.done(), (int)y.cancelled());
  std::printf("cancel done -> %d\n", (int)y.cancel());
  auto r = cosm::await(cosm::gather(t1, t2, z));
  std::printf("gather %d %d %d\n", std::get<0>(r), std::get<1>(r), std::get<2>(r));
}

int main() { cosm::run(main_()); }
