// gather: results in argument order, first exception delivered while the other
// child keeps running, a vector of coroutines; cancelling a task that awaits
// another task, and cancelling a task that awaits a gather.
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/gather-cancel.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>
#include <stdexcept>
#include <vector>

COSM_ASYNC cosm::Coro<int> job(int id, double d, bool fail) {
  std::printf("job %d start\n", id);
  try {
    cosm::await(cosm::sleep(d));
  } catch (const cosm::CancelledError &) {
    std::printf("job %d cancelled\n", id);
    throw;
  }
  if (fail) {
    std::printf("job %d failing\n", id);
    throw std::runtime_error("job " + std::to_string(id) + " failed");
  }
  std::printf("job %d done\n", id);
  return id * 10;
}

COSM_ASYNC cosm::Coro<void> waiter(cosm::Task<int> t) {
  try {
    int v = cosm::await(t);
    std::printf("waiter got %d\n", v);
  } catch (const cosm::CancelledError &) {
    std::puts("waiter cancelled");
    throw;
  }
}

COSM_ASYNC cosm::Coro<void> main_() {
  auto r = cosm::await(cosm::gather(job(1, 0.02, false), job(2, 0.01, false), job(3, 0, false)));
  std::printf("r %d %d %d\n", std::get<0>(r), std::get<1>(r), std::get<2>(r));
  try {
    auto r2 = cosm::await(cosm::gather(job(4, 0.03, false), job(5, 0.01, true)));
    std::printf("r2 %d\n", std::get<0>(r2));
  } catch (const std::runtime_error &e) {
    std::printf("gather raised: %s\n", e.what());
  }
  cosm::await(cosm::sleep(0.04));
  std::vector<cosm::Coro<int>> cs;
  for (int i = 0; i < 4; ++i)
    cs.push_back(job(10 + i, 0.005 * (4 - i), false));
  auto vs = cosm::await(cosm::gather(std::move(cs)));
  int sum = 0;
  for (int v : vs)
    sum += v;
  std::printf("vec sum %d\n", sum);
  auto inner = cosm::create_task(job(20, 1.0, false));
  auto w = cosm::create_task(waiter(inner));
  cosm::await(cosm::sleep(0.01));
  w.cancel();
  try {
    cosm::await(w);
  } catch (const cosm::CancelledError &) {
    std::puts("main: w cancelled");
  }
  std::printf("inner cancelled=%d\n", (int)inner.cancelled());
  auto g = cosm::create_task(cosm::gather(job(30, 1.0, false), job(31, 1.0, false)));
  cosm::await(cosm::sleep(0.01));
  g.cancel();
  try {
    cosm::await(g);
  } catch (const cosm::CancelledError &) {
    std::puts("main: gather cancelled");
  }
}

int main() { cosm::run(main_()); }
