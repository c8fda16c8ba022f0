// Loop::add_signal_handler against asyncio: handlers run as loop callbacks
// in the passes asyncio runs them in (a callback that re-schedules itself
// counts the passes, in both programs), a replaced and a removed handler,
// the errors for numbers that are not signals or cannot be caught, and
// cosm::run turning SIGINT into cancelling the main task and then
// KeyboardInterrupt, with SIGINT's default action restored afterwards.
//
// RUN: %cosm-lower %s -o %t.cpp -- -std=c++17 -I%cosm_incdir
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/signal-handlers.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <csignal>
#include <cstdio>
#include <string>
#include <unistd.h>

static int passes = 0;

static void tick() {
  ++passes;
  cosm::get_running_loop().call_soon(tick);
}

static void on_signal(const char *name) {
  std::printf("%s handled at %d\n", name, passes);
}

static bool is_default(int sig) {
  struct sigaction old;
  sigaction(sig, nullptr, &old);
  return old.sa_handler == SIG_DFL;
}

COSM_ASYNC cosm::Coro<void> main_() {
  cosm::Loop &loop = cosm::get_running_loop();
  loop.call_soon(tick);
  cosm::await(cosm::sleep(0));
  loop.add_signal_handler(SIGUSR1, [] { on_signal("SIGUSR1"); });
  loop.add_signal_handler(SIGUSR2, [] { on_signal("SIGUSR2"); });
  kill(getpid(), SIGUSR1);
  kill(getpid(), SIGUSR2);
  std::printf("sent at %d\n", passes);
  for (int i = 0; i < 3; ++i) {
    cosm::await(cosm::sleep(0));
    std::printf("main at %d\n", passes);
  }
  // A replaced handler; then a removed one (the default action is back).
  loop.add_signal_handler(SIGUSR1, [] { on_signal("SIGUSR1 again"); });
  kill(getpid(), SIGUSR1);
  cosm::await(cosm::sleep(0.05));
  bool first = loop.remove_signal_handler(SIGUSR1);
  bool second = loop.remove_signal_handler(SIGUSR1);
  std::printf("removed: %s %s\n", first ? "True" : "False",
              second ? "True" : "False");
  std::printf("SIGUSR1 is default: %s\n",
              is_default(SIGUSR1) ? "True" : "False");
  static const int sigs[] = {0, 65, SIGKILL};
  for (int i = 0; i < 3; ++i) {
    try {
      loop.add_signal_handler(sigs[i], [] { on_signal("never"); });
    } catch (const cosm::ValueError &e) {
      std::printf("ValueError: %s\n", e.what());
    } catch (const cosm::RuntimeError &e) {
      std::printf("RuntimeError: %s\n", e.what());
    }
  }
  // SIGINT cancels the main task: run() then throws KeyboardInterrupt.
  kill(getpid(), SIGINT);
  try {
    cosm::await(cosm::sleep(10));
  } catch (const cosm::CancelledError &) {
    std::printf("main cancelled\n");
    throw;
  }
}

int main() {
  try {
    cosm::run(main_());
  } catch (const cosm::KeyboardInterrupt &) {
    std::printf("KeyboardInterrupt\n");
  }
  std::printf("SIGINT is default again: %s\n",
              is_default(SIGINT) ? "True" : "False");
}
