//===- test_run.cpp - cosm::run (rule 13) ---------------------------------===//
///
/// \file
/// run() makes a loop, runs main as a task from pass 1, then cancels and
/// drains the leftover tasks, closes the loop, and returns or rethrows.
///
//===----------------------------------------------------------------------===//
#include "test_frames.hpp"

#include <cstdio>
#include <fcntl.h>
#include <memory>
#include <stdexcept>
#include <sys/wait.h>
#include <unistd.h>

using namespace cosm_test;

namespace {

struct Run : ::testing::Test, Fixture {};

TEST_F(Run, ReturnsMainsResultAndStartsItInPassOne) {
  int R = cosm::run(lambda_coro<int>("main", [](auto &F) {
    p("main");
    F.return_value(3);
    return F.finish();
  }));
  EXPECT_EQ(R, 3);
  EXPECT_EQ(out(), (std::vector<std::string>{"main @ 1"}));
}

TEST_F(Run, ReturnsMoveOnlyResults) {
  auto R = cosm::run(lambda_coro<std::unique_ptr<int>>("main", [](auto &F) {
    F.return_value(std::make_unique<int>(8));
    return F.finish();
  }));
  ASSERT_TRUE(R);
  EXPECT_EQ(*R, 8);
}

TEST_F(Run, RethrowsMainsException) {
  EXPECT_THROW(cosm::run(fail("main failed")), std::runtime_error);
}

// async def stubborn():
//     try: await asyncio.sleep(10)
//     except asyncio.CancelledError: p("stubborn raises"); raise
//     ValueError("x")
cosm::Coro<void> stubborn() {
  return lambda_coro("stubborn",
                     [C = cosm::Coro<void>()](auto &F) mutable -> cosm::Step {
                       try {
                         switch (F.state) {
                         case 1:
                           goto resume_1;
                         }
                         AWAIT_CORO(F, 1, C, cosm::sleep(10));
                         C.take_result();
                       } catch (const cosm::CancelledError &) {
                         p("stubborn raises");
                         throw std::invalid_argument("x");
                       }
                       return F.finish();
                     });
}

// async def late():
//     try: await asyncio.sleep(10)
//     finally:
//         p("late cleanup"); await asyncio.sleep(0); p("late cleanup done")
cosm::Coro<void> late() {
  return lambda_coro("late",
                     [C = cosm::Coro<void>(), Pending = std::exception_ptr()](
                         auto &F) mutable -> cosm::Step {
                       switch (F.state) {
                       case 1:
                         goto try_1;
                       case 2:
                         goto resume_2;
                       }
                     try_1:
                       try {
                         switch (F.state) {
                         case 1:
                           goto resume_1;
                         }
                         AWAIT_CORO(F, 1, C, cosm::sleep(10));
                         C.take_result();
                       } catch (...) {
                         Pending = std::current_exception();
                       }
                       p("late cleanup");
                       AWAIT_CORO(F, 2, C, cosm::sleep(0));
                       C.take_result();
                       p("late cleanup done");
                       if (Pending)
                         std::rethrow_exception(Pending);
                       return F.finish();
                     });
}

// Rule 13: leftover tasks are cancelled and run until they finish; one that
// fails with another exception is reported.
TEST_F(Run, ShutdownCancelsAndDrainsLeftoverTasks) {
  int R = 0;
  std::string Err = stderrOf([&] {
    R = cosm::run(
        lambda_coro<int>("main", [C = cosm::Coro<void>()](auto &F) mutable {
          switch (F.state) {
          case 1:
            goto resume_1;
          }
          (void)cosm::create_task(stubborn());
          (void)cosm::create_task(late());
          AWAIT_CORO(F, 1, C, cosm::sleep(0));
          C.take_result();
          p("main done");
          F.return_value(3);
          return F.finish();
        }));
  });
  EXPECT_EQ(R, 3);
  EXPECT_EQ(out(), (std::vector<std::string>{
                       "main done @ 2", "stubborn raises @ 4",
                       "late cleanup @ 4", "late cleanup done @ 5"}));
  EXPECT_NE(Err.find("unhandled exception during cosm::run() shutdown"),
            std::string::npos)
      << Err;
  EXPECT_NE(Err.find("std::invalid_argument('x')"), std::string::npos) << Err;
  EXPECT_EQ(Err.find("never retrieved"), std::string::npos) << Err;
}

TEST_F(Run, RunInsideARunningLoopIsAnError) {
  bool Threw = false;
  std::string Err = stderrOf([&] {
    cosm::run(lambda_coro("main", [&Threw](auto &F) {
      try {
        cosm::run(noop());
      } catch (const cosm::RuntimeError &E) {
        Threw = true;
        EXPECT_STREQ(E.what(),
                     "cosm::run() cannot be called from a running event loop");
      }
      return F.finish();
    }));
  });
  EXPECT_TRUE(Threw);
  EXPECT_NE(Err.find("coroutine 'noop' was never awaited"), std::string::npos);
}

TEST_F(Run, DebugOption) {
  bool Debug = false;
  cosm::run(lambda_coro("main",
                        [&Debug](auto &F) {
                          Debug = cosm::get_running_loop().get_debug();
                          return F.finish();
                        }),
            cosm::RunOptions{/*debug=*/true});
  EXPECT_TRUE(Debug);
  cosm::run(lambda_coro("main",
                        [&Debug](auto &F) {
                          Debug = cosm::get_running_loop().get_debug();
                          return F.finish();
                        }),
            false);
  EXPECT_FALSE(Debug);
}

TEST_F(Run, AMainTaskCancelledFromInsideRaisesCancelledError) {
  EXPECT_THROW(cosm::run(lambda_coro("main",
                                     [C = cosm::Coro<void>()](auto &F) mutable {
                                       switch (F.state) {
                                       case 1:
                                         goto resume_1;
                                       }
                                       cosm::current_task().cancel();
                                       AWAIT_CORO(F, 1, C, cosm::sleep(0));
                                       C.take_result();
                                       return F.finish();
                                     })),
               cosm::CancelledError);
}

// FINDINGS F7: an exception that escapes run() and terminates the program
// must not lose what the program printed to a piped stdout.
TEST(RunUncaught, OutputPrintedBeforeAnUncaughtExceptionIsFlushed) {
  int Fds[2];
  ASSERT_EQ(::pipe(Fds), 0);
  std::fflush(stdout);
  pid_t Child = ::fork();
  ASSERT_GE(Child, 0);
  if (Child == 0) {
    ::dup2(Fds[1], 1);
    ::close(Fds[0]);
    ::close(Fds[1]);
    ::dup2(::open("/dev/null", O_WRONLY), 2); // terminate's message
    // noexcept stands in for main(): nothing may catch the exception.
    [&]() noexcept {
      cosm::run(lambda_coro("main", [](auto &F) -> cosm::Step {
        (void)F;
        std::printf("before"); // no newline: line buffering would not flush
        throw std::runtime_error("boom");
      }));
    }();
    ::_exit(0); // not reached
  }
  ::close(Fds[1]);
  std::string Got;
  char Buf[64];
  for (ssize_t N; (N = ::read(Fds[0], Buf, sizeof Buf)) > 0;)
    Got.append(Buf, std::size_t(N));
  ::close(Fds[0]);
  int Status = 0;
  ::waitpid(Child, &Status, 0);
  EXPECT_TRUE(WIFSIGNALED(Status)); // std::terminate aborted
  EXPECT_EQ(Got, "before");
}

} // namespace
