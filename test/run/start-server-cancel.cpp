// Cancelling a start_server() task at each of its passes: create_server
// gathers the address lookups in a task of their own, and the cancel
// reaches it through the gather, as asyncio's. Cancelled before the lookup
// task ran, the cancel takes four passes (the lookup task is cancelled, the
// gather's callback, the task's wake-up, the awaiting task's); after it
// ran, three (gather.cancel() returns False: the task cancels itself when
// it wakes); later, two. cosm took two at every point.
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %python %S/Inputs/start-server-cancel.py > %t.want
// RUN: %t.gcc | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>

static int passes = 0;
static void tick() { ++passes; cosm::get_running_loop().call_soon(tick); }
COSM_ASYNC cosm::Coro<void> handle(cosm::StreamReader, cosm::StreamWriter w) { w.close(); }

COSM_ASYNC cosm::Coro<void> main_() {
  cosm::get_running_loop().call_soon(tick);
  for (int k = 0; k < 5; ++k) {
    auto t = cosm::create_task(cosm::start_server(handle, "127.0.0.1", 0));
    for (int i = 0; i < k; ++i) cosm::await(cosm::sleep(0));
    t.cancel();
    int p0 = passes;
    try {
      cosm::await(t);
      std::printf("k=%d finished\n", k);
    } catch (const cosm::CancelledError &) {
      std::printf("k=%d cancelled after %d passes\n", k, passes - p0);
    }
  }
  auto t = cosm::create_task(cosm::sleep(0));
  std::printf("next task: %s\n", t.get_name().c_str());
}

int main() { cosm::run(main_()); }
