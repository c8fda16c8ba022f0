// Two readers on one StreamReader (misuse that asyncio allows to happen):
// main waits in readuntil(); feed_data() wakes it, and before main resumes
// a second task reads the bytes and starts waiting itself. asyncio's
// _wait_for_data clears the reader's waiter in its `finally`, whoever's it
// is by then: main waits again and gets the next data; the second task
// waits forever (run() cancels it).
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %python %S/Inputs/stream-two-readers.py > %t.want
// RUN: %t.gcc | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>
#include <string>

COSM_ASYNC cosm::Coro<void> second(cosm::StreamReader r) {
  std::string a = cosm::await(r.read(8));
  std::printf("second got '%s'\n", a.c_str());
  std::string b = cosm::await(r.read(8));
  std::printf("second got '%s'\n", b.c_str());
}

COSM_ASYNC cosm::Coro<void> amain() {
  cosm::StreamReader r;
  cosm::Loop &loop = cosm::get_running_loop();
  loop.call_soon([r] {
    cosm::create_task(second(r));
    r.feed_data("ab");
  });
  loop.call_later(0.01, [r] { r.feed_data("c-"); r.feed_eof(); });
  try {
    std::string z = cosm::await(r.readuntil("-"));
    std::printf("main got '%s'\n", z.c_str());
  } catch (const cosm::RuntimeError &e) {
    std::printf("main RuntimeError: %s\n", e.what());
  }
}

int main() { cosm::run(amain()); }
