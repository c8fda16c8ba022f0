// to_thread (a value, a gather of four, an exception), a plain thread that
// completes a future through call_soon_threadsafe while the loop rests in
// epoll, and wait_for timing out on a thread.
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/threads.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <chrono>
#include <cstdio>
#include <thread>
#include <vector>

int compute(int n) {
  std::this_thread::sleep_for(std::chrono::milliseconds(10));
  return n * n;
}

int boom() { throw cosm::ValueError("bad input"); }

COSM_ASYNC cosm::Coro<void> main_() {
  int r = cosm::await(cosm::to_thread([] { return compute(7); }));
  std::printf("to_thread %d\n", r);
  std::vector<cosm::Coro<int>> calls;
  for (int i = 0; i < 4; ++i)
    calls.push_back(cosm::to_thread([i] { return compute(i); }));
  auto rs = cosm::await(cosm::gather(std::move(calls)));
  std::printf("gathered %d %d %d %d\n", rs[0], rs[1], rs[2], rs[3]);
  try {
    cosm::await(cosm::to_thread(boom));
  } catch (const cosm::ValueError &e) {
    std::printf("error %s\n", e.what());
  }
  cosm::Loop *loop = &cosm::get_running_loop();
  cosm::Future<int> fut;
  cosm::Future<int> *target = &fut; // handles stay on the loop's thread
  std::thread th([loop, target] {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    loop->call_soon_threadsafe([target] { target->set_result(5); });
  });
  std::printf("from a thread %d\n", cosm::await(fut));
  th.join();
  try {
    cosm::await(cosm::wait_for(cosm::to_thread([] {
                                 std::this_thread::sleep_for(
                                     std::chrono::milliseconds(200));
                               }),
                               0.02));
  } catch (const cosm::TimeoutError &) {
    std::puts("timed out");
  }
  std::puts("main done");
}

int main() { cosm::run(main_()); }
