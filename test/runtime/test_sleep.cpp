//===- test_sleep.cpp - cosm::sleep (rule 8) ------------------------------===//
///
/// \file
/// sleep(0) is a bare yield behind everything already queued; sleep(d > 0)
/// is a timer plus a future.
///
//===----------------------------------------------------------------------===//
#include "test_frames.hpp"

#include <chrono>

using namespace cosm_test;

namespace {

struct Sleep : ::testing::Test, Fixture {};

// Rule 8: the task resumes behind what was queued before it yielded.
TEST_F(Sleep, SleepZeroResumesBehindQueuedCallbacks) {
  cosm::run(lambda_coro("main", [C = cosm::Coro<void>()](auto &F) mutable {
    switch (F.state) {
    case 1:
      goto resume_1;
    }
    cosm::get_running_loop().call_soon([] { p("queued first"); });
    AWAIT_CORO(F, 1, C, cosm::sleep(0));
    C.take_result();
    p("resumed");
    return F.finish();
  }));
  EXPECT_EQ(out(),
            (std::vector<std::string>{"queued first @ 2", "resumed @ 2"}));
}

// async def s(): p("a"); await asyncio.sleep(-1); p("b")
TEST_F(Sleep, ANegativeDelayIsABareYield) {
  cosm::run(lambda_coro("main", [C = cosm::Coro<void>()](auto &F) mutable {
    switch (F.state) {
    case 1:
      goto resume_1;
    }
    p("a");
    AWAIT_CORO(F, 1, C, cosm::sleep(-1));
    C.take_result();
    p("b");
    return F.finish();
  }));
  EXPECT_EQ(out(), (std::vector<std::string>{"a @ 1", "b @ 2"}));
}

cosm::Coro<void> napper(std::string Name, double Seconds) {
  return lambda_coro("napper",
                     [Name, Seconds, C = cosm::Coro<void>()](auto &F) mutable {
                       switch (F.state) {
                       case 1:
                         goto resume_1;
                       }
                       AWAIT_CORO(F, 1, C, cosm::sleep(Seconds));
                       C.take_result();
                       print(Name);
                       return F.finish();
                     });
}

TEST_F(Sleep, ShorterSleepsWakeFirst) {
  auto Start = std::chrono::steady_clock::now();
  using R = std::tuple<std::monostate, std::monostate, std::monostate>;
  cosm::run(lambda_coro("main", [G = cosm::Coro<R>()](auto &F) mutable {
    switch (F.state) {
    case 1:
      goto resume_1;
    }
    AWAIT_CORO(F, 1, G,
               cosm::gather(napper("30ms", 0.03), napper("10ms", 0.01),
                            napper("20ms", 0.02)));
    G.take_result();
    return F.finish();
  }));
  double Took =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - Start)
          .count();
  EXPECT_EQ(out(), (std::vector<std::string>{"10ms", "20ms", "30ms"}));
  EXPECT_GE(Took, 0.03);
}

// Cancelling a sleeper cancels its timer: the loop does not wait for it.
TEST_F(Sleep, CancellingASleeperCancelsItsTimer) {
  auto Start = std::chrono::steady_clock::now();
  cosm::Loop L;
  auto T = L.create_task(napper("never", 30));
  L.call_later(0.01, [T] { T.cancel(); });
  EXPECT_THROW(L.run_until_complete(T), cosm::CancelledError);
  double Took =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - Start)
          .count();
  EXPECT_LT(Took, 5.0);
  EXPECT_TRUE(out().empty());
  // Nothing is left scheduled: the next pass does not wait 30 s either.
  L.call_soon([&L] { L.stop(); });
  L.run_forever();
}

TEST_F(Sleep, SleepNeedsARunningLoop) {
  cosm::Loop L;
  auto T = L.create_task(cosm::sleep(0.001));
  L.run_until_complete(T);
  EXPECT_TRUE(T.done());
  auto C = cosm::sleep(1);
  // No loop runs here: the body fails at its first step.
  EXPECT_EQ(C.step(), cosm::Step::Done);
  EXPECT_THROW(C.take_result(), cosm::RuntimeError);
}

} // namespace
