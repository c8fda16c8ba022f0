//===- test_debug.cpp - Debug mode and diagnostics ------------------------===//
///
/// \file
/// Debug mode reports slow callbacks and steps; some reports (never awaited,
/// never retrieved, destroyed pending) are made in any mode, as asyncio's.
/// Everything goes to stderr.
///
//===----------------------------------------------------------------------===//
#include "test_frames.hpp"

#include <chrono>
#include <regex>
#include <stdexcept>

using namespace cosm_test;

namespace {

void busyFor(double Seconds) {
  auto End =
      std::chrono::steady_clock::now() + std::chrono::duration<double>(Seconds);
  while (std::chrono::steady_clock::now() < End) {
  }
}

cosm::Coro<void> blocker(double Seconds) {
  return lambda_coro("blocker", [Seconds](auto &F) {
    busyFor(Seconds);
    return F.finish();
  });
}

struct Debug : ::testing::Test, Fixture {
  cosm::Loop L;
  Debug() {
    L.set_debug(true);
    L.slow_callback_duration = 0.02;
  }
};

TEST_F(Debug, ASlowTaskStepIsReportedWithTheTaskAndWhereItWasCreated) {
  unsigned Line = __LINE__ + 1;
  auto T = L.create_task(blocker(0.03));
  std::string Err = stderrOf([&] { L.run_until_complete(T); });
  std::regex Want("Executing <Task finished name='" + T.name() +
                  "' coro=<blocker\\(\\)> created at [^ ]*test_debug.cpp:" +
                  std::to_string(Line) + "> took 0\\.[0-9]{3} seconds\n");
  EXPECT_TRUE(std::regex_search(Err, Want)) << Err;
}

TEST_F(Debug, ASlowCallbackIsReported) {
  unsigned Line = __LINE__ + 1;
  L.call_soon([] { busyFor(0.03); });
  L.call_soon([this] { L.stop(); });
  std::string Err = stderrOf([&] { L.run_forever(); });
  std::regex Want("^Executing <Handle created at [^ ]*test_debug.cpp:" +
                  std::to_string(Line) + "> took 0\\.[0-9]{3} seconds\n$");
  EXPECT_TRUE(std::regex_search(Err, Want)) << Err;
}

TEST_F(Debug, FastCallbacksAreNotReported) {
  auto T = L.create_task(blocker(0));
  std::string Err = stderrOf([&] { L.run_until_complete(T); });
  EXPECT_EQ(Err, "");
}

TEST_F(Debug, NothingIsTimedOutsideDebugMode) {
  L.set_debug(false);
  auto T = L.create_task(blocker(0.03));
  std::string Err = stderrOf([&] { L.run_until_complete(T); });
  EXPECT_EQ(Err, "");
}

TEST(DebugRun, RunWithTheDebugOptionReportsSlowSteps) {
  std::string Err = stderrOf([] {
    cosm::run(lambda_coro("main",
                          [](auto &F) {
                            cosm::get_running_loop().slow_callback_duration =
                                0.01;
                            busyFor(0.02);
                            return F.finish();
                          }),
              cosm::RunOptions{true});
  });
  EXPECT_NE(Err.find("Executing <Task finished name='Task-"), std::string::npos)
      << Err;
  EXPECT_NE(Err.find("coro=<main()>"), std::string::npos) << Err;
}

// Reported in any mode, as asyncio does.
TEST(Diagnostics, TaskExceptionNeverRetrieved) {
  std::string Err = stderrOf([] {
    cosm::Loop L;
    L.create_task(fail("oops"), "doomed");
    L.call_soon([&L] { L.call_soon([&L] { L.stop(); }); });
    L.run_forever();
  });
  EXPECT_NE(Err.find("Task exception was never retrieved\nfuture: <Task "
                     "finished name='doomed' coro=<fail()> "
                     "exception=std::runtime_error('oops')"),
            std::string::npos)
      << Err;
}

TEST(Diagnostics, RetrievedOrCancelledExceptionsAreNotReported) {
  std::string Err = stderrOf([] {
    cosm::Loop L;
    auto T = L.create_task(fail("oops"));
    EXPECT_THROW(L.run_until_complete(T), std::runtime_error);
  });
  EXPECT_EQ(Err, "");
}

TEST(Diagnostics, NeverAwaitedCoroutine) {
  std::string Err = stderrOf([] { (void)noop(); });
  EXPECT_EQ(Err, "RuntimeWarning: coroutine 'noop' was never awaited\n");
}

TEST(Diagnostics, TaskDestroyedWhilePending) {
  std::string Err = stderrOf([] {
    cosm::Loop L;
    cosm::Future<int> Never(L);
    L.create_task(lambda_coro("stuck",
                              [Never](auto &F) {
                                switch (F.state) {
                                case 1:
                                  goto resume_1;
                                }
                                AWAIT(F, 1, Never);
                                return F.finish();
                              }),
                  "stuck-task");
    L.call_soon([&L] { L.stop(); });
    L.run_forever();
  });
  EXPECT_NE(
      Err.find("Task was destroyed but it is pending!\ntask: <Task "
               "pending name='stuck-task' coro=<stuck()> wait_for=<Future "
               "pending"),
      std::string::npos)
      << Err;
  EXPECT_EQ(Err.find("never awaited"), std::string::npos) << Err;
}

} // namespace
