//===- test_signals.cpp - add_signal_handler, SIGINT in cosm::run ---------===//
///
/// \file
/// Loop::add_signal_handler/remove_signal_handler as asyncio 3.11's Unix
/// loop: handlers run as loop callbacks in the order the signals came (the
/// passes of asyncio's self-pipe), errors for signal numbers that are not
/// signals or cannot be caught, a closed loop and another thread, and the
/// default action restored on removal and on close(). Then cosm::run's
/// SIGINT as asyncio.Runner's: the main task cancelled, KeyboardInterrupt
/// out of run(), a second SIGINT, and no handler when SIGINT is ignored or
/// outside the main thread. (test/run/signals.cpp checks a program against
/// asyncio.)
///
//===----------------------------------------------------------------------===//
#include "test_frames.hpp"

#include <csignal>
#include <thread>

using namespace cosm_test;

namespace {

struct Signals : ::testing::Test, Fixture {};

void (*disposition(int Sig))(int) {
  struct sigaction Old;
  sigaction(Sig, nullptr, &Old);
  return Old.sa_handler;
}

template <class F> std::string errorOf(F &&Fn) {
  try {
    Fn();
    return "no error";
  } catch (const cosm::ValueError &E) {
    return std::string("ValueError: ") + E.what();
  } catch (const cosm::RuntimeError &E) {
    return std::string("RuntimeError: ") + E.what();
  }
}

// The passes are asyncio's (python3 with a _run_once counter prints the
// same): the signals are read in the pass after they were sent, and their
// handlers run in the pass after that, in order.
TEST_F(Signals, HandlersRunAsCallbacksInOrder) {
  cosm::run(lambda_coro("main", [Y = cosm::Coro<void>(), I = 0](
                                    auto &F) mutable {
    switch (F.state) {
    case 1: goto resume_1;
    }
    {
      cosm::Loop &L = cosm::get_running_loop();
      L.add_signal_handler(SIGUSR1, [] { p("usr1"); });
      L.add_signal_handler(SIGUSR2, [] { p("usr2"); });
    }
    ::raise(SIGUSR1);
    ::raise(SIGUSR2);
    ::raise(SIGUSR1);
    p("sent");
    for (I = 0; I < 3; ++I) {
      AWAIT_CORO(F, 1, Y, cosm::sleep(0));
      Y.take_result();
      p("step " + std::to_string(I));
    }
    EXPECT_TRUE(cosm::get_running_loop().remove_signal_handler(SIGUSR1));
    EXPECT_TRUE(cosm::get_running_loop().remove_signal_handler(SIGUSR2));
    return F.finish();
  }));
  EXPECT_EQ(out(), (std::vector<std::string>{
                       "sent @ 1", "step 0 @ 2", "step 1 @ 3", "usr1 @ 3",
                       "usr2 @ 3", "usr1 @ 3", "step 2 @ 4"}));
  EXPECT_EQ(disposition(SIGUSR1), SIG_DFL);
  EXPECT_EQ(disposition(SIGUSR2), SIG_DFL);
}

// Texts from CPython 3.11's unix_events.
TEST_F(Signals, InvalidSignalsAndStates) {
  cosm::Loop L;
  std::vector<std::string> Seen;
  for (int Sig : {0, -1, 32, 65, 9, 19})
    Seen.push_back(errorOf([&] { L.add_signal_handler(Sig, [] {}); }));
  Seen.push_back(errorOf([&] { L.remove_signal_handler(0); }));
  Seen.push_back(L.remove_signal_handler(SIGKILL) ? "True" : "False");
  Seen.push_back(L.remove_signal_handler(SIGUSR1) ? "True" : "False");
  std::thread([&] {
    cosm::Loop Other;
    Seen.push_back(
        errorOf([&] { Other.add_signal_handler(SIGUSR1, [] {}); }));
  }).join();
  L.close();
  Seen.push_back(errorOf([&] { L.add_signal_handler(SIGUSR1, [] {}); }));
  Seen.push_back(errorOf([&] { L.add_signal_handler(0, [] {}); }));
  Seen.push_back(L.remove_signal_handler(SIGUSR1) ? "True" : "False");
  EXPECT_EQ(Seen,
            (std::vector<std::string>{
                "ValueError: invalid signal number 0",
                "ValueError: invalid signal number -1",
                "ValueError: invalid signal number 32",
                "ValueError: invalid signal number 65",
                "RuntimeError: sig 9 cannot be caught",
                "RuntimeError: sig 19 cannot be caught",
                "ValueError: invalid signal number 0", "False", "False",
                "RuntimeError: set_wakeup_fd only works in main thread of "
                "the main interpreter",
                "RuntimeError: Event loop is closed",
                "ValueError: invalid signal number 0", "False"}));
}

// A second handler replaces the first; close() removes every handler and
// puts the default action back.
TEST_F(Signals, ReplaceAndCloseRestoresDefaults) {
  {
    cosm::Loop L;
    int First = 0, Second = 0;
    L.add_signal_handler(SIGUSR1, [&] { ++First; });
    L.add_signal_handler(SIGUSR1, [&] {
      ++Second;
      cosm::get_running_loop().stop();
    });
    L.add_signal_handler(SIGUSR2, [] {});
    EXPECT_NE(disposition(SIGUSR1), SIG_DFL);
    L.call_soon([] { ::raise(SIGUSR1); });
    // Rests in epoll until the signal wakes it.
    L.run_forever();
    EXPECT_EQ(First, 0);
    EXPECT_EQ(Second, 1);
    L.close();
    EXPECT_EQ(disposition(SIGUSR1), SIG_DFL);
    EXPECT_EQ(disposition(SIGUSR2), SIG_DFL);
  }
}

// A signal arriving while the loop rests in epoll with no timer wakes it.
TEST_F(Signals, SignalFromAnotherThreadWakesAnIdleLoop) {
  cosm::Loop L;
  bool Got = false;
  L.add_signal_handler(SIGUSR2, [&] {
    Got = true;
    cosm::get_running_loop().stop();
  });
  std::thread T([] {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    ::kill(::getpid(), SIGUSR2);
  });
  L.run_forever();
  T.join();
  EXPECT_TRUE(Got);
}

/// async def main(): raise SIGINT; await sleep(Delay) (catching the
/// cancellation if Swallow), then, if Again, SIGINT again and sleep.
cosm::Coro<int> interrupted(bool Swallow, bool Again, double Delay) {
  return lambda_coro<int>("main", [Swallow, Again, Delay,
                                   Y = cosm::Coro<void>()](
                                      auto &F) mutable {
    switch (F.state) {
    case 1: goto resume_1;
    case 2: goto resume_2;
    }
    ::raise(SIGINT);
    AWAIT_CORO(F, 1, Y, cosm::sleep(Delay));
    try {
      Y.take_result();
    } catch (const cosm::CancelledError &) {
      print("main cancelled");
      if (!Swallow)
        throw;
    }
    if (Again) {
      ::raise(SIGINT);
      AWAIT_CORO(F, 2, Y, cosm::sleep(10));
      Y.take_result();
      print("not reached");
    }
    F.return_value(7);
    return F.finish();
  });
}

std::string runInterrupted(bool Swallow, bool Again, double Delay = 10) {
  try {
    return std::to_string(cosm::run(interrupted(Swallow, Again, Delay)));
  } catch (const cosm::KeyboardInterrupt &) {
    return "KeyboardInterrupt";
  } catch (const cosm::CancelledError &) {
    return "CancelledError";
  }
}

TEST_F(Signals, SigintCancelsTheMainTaskAndRunRaisesKeyboardInterrupt) {
  ASSERT_EQ(disposition(SIGINT), SIG_DFL);
  EXPECT_EQ(runInterrupted(false, false), "KeyboardInterrupt");
  EXPECT_EQ(disposition(SIGINT), SIG_DFL);
  // A main task that swallows the cancellation returns normally.
  EXPECT_EQ(runInterrupted(true, false), "7");
  // A second SIGINT: KeyboardInterrupt from the loop.
  EXPECT_EQ(runInterrupted(true, true), "KeyboardInterrupt");
  EXPECT_EQ(disposition(SIGINT), SIG_DFL);
  EXPECT_EQ(out(), (std::vector<std::string>{"main cancelled",
                                             "main cancelled",
                                             "main cancelled"}));
}

// SIGINT ignored (a background job): run() installs nothing.
TEST_F(Signals, NoSigintHandlerWhenSigintIsIgnored) {
  ::signal(SIGINT, SIG_IGN);
  std::string R = runInterrupted(false, false, 0.01);
  EXPECT_EQ(disposition(SIGINT), SIG_IGN);
  ::signal(SIGINT, SIG_DFL);
  EXPECT_EQ(R, "7");
}

// Outside the main thread, run() installs nothing either.
TEST_F(Signals, NoSigintHandlerOutsideTheMainThread) {
  void (*Seen)(int) = nullptr;
  std::thread([&] {
    cosm::run(lambda_coro("main", [&](auto &F) {
      Seen = disposition(SIGINT);
      return F.finish();
    }));
  }).join();
  EXPECT_EQ(Seen, SIG_DFL);
}

} // namespace
