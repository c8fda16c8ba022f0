// cosm::sleep awaited where it is called runs in the frame (one shared
// cosm::SleepAwaiter, no frame of its own): sleep(0) and negative delays
// are bare yields, longer ones wait on a timer's future. Two tasks
// interleave; a cancel lands in a bare yield (the next step throws) and in
// a timed sleep (through the future), with its message, and the same
// awaiter serves the awaits after it; a user's local named `sleep`; timed
// sleeps ordered against call_later; the coroutine cosm::sleep returns, kept
// for later, given to create_task and gather.
//
// RUN: %cosm-lower %s -o %t.cpp -- -std=c++17 -I%cosm_incdir
// RUN: grep -v SHAPE %t.cpp | FileCheck %s --check-prefix=SHAPE
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/sleep-in-frame.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>
#include <string>

// SHAPE: {{^}}struct ticker_frame final
// SHAPE: cosm::SleepAwaiter sleep_2;
// SHAPE: sleep_2.start(0);
// SHAPE: if (sleep_2.pending()) {
// SHAPE-NEXT: state = 1;
// SHAPE-NEXT: return sleep_2.suspend(); // back to the loop
// SHAPE: sleep_2.start(-1.5);
// SHAPE-NOT: = cosm::sleep(
// SHAPE: {{^}}struct main__frame final
COSM_ASYNC cosm::Coro<int> ticker(std::string name, int n) {
  int sleep = 0; // the user's name: the frame's awaiter takes another
  for (int i = 0; i < n; ++i) {
    cosm::await(cosm::sleep(0));
    ++sleep;
    std::printf("%s tick %d\n", name.c_str(), i);
    cosm::await(cosm::sleep(-1.5));
  }
  return sleep;
}

COSM_ASYNC cosm::Coro<void> stubborn(const char *tag, double delay) {
  for (int round = 0; round < 3; ++round) {
    try {
      cosm::await(cosm::sleep(delay));
      std::printf("%s slept %d\n", tag, round);
    } catch (const cosm::CancelledError &e) {
      std::printf("%s cancelled in round %d: '%s'\n", tag, round, e.what());
      cosm::current_task().uncancel();
    }
  }
}

COSM_ASYNC cosm::Coro<void> main_() {
  cosm::Task<int> a = cosm::create_task(ticker("a", 3));
  cosm::Task<int> b = cosm::create_task(ticker("b", 2));
  std::printf("ticks %d %d\n", cosm::await(a), cosm::await(b));

  cosm::Task<void> y = cosm::create_task(stubborn("yield", 0));
  cosm::Task<void> t = cosm::create_task(stubborn("timer", 0.01));
  cosm::await(cosm::sleep(0));
  y.cancel("stop yielding");
  t.cancel("stop waiting");
  cosm::await(y);
  cosm::await(t);

  cosm::Loop &loop = cosm::get_running_loop();
  loop.call_later(0.02, [] { std::printf("call_later 0.02\n"); });
  loop.call_later(0.005, [] { std::printf("call_later 0.005\n"); });
  cosm::await(cosm::sleep(0.01));
  std::printf("slept 0.01\n");
  cosm::await(cosm::sleep(0.02));
  std::printf("slept 0.02 more\n");

  cosm::Coro<void> kept = cosm::sleep(0);
  cosm::Task<void> alone = cosm::create_task(cosm::sleep(0.001));
  cosm::await(kept);
  cosm::await(cosm::gather(alone, cosm::create_task(cosm::sleep(0))));
  std::printf("done %d\n", int(alone.done()));
}

int main() { cosm::run(main_()); }
