//===- test_threads.cpp - call_soon_threadsafe, run_in_executor, to_thread ===//
///
/// \file
/// Other threads wake a loop resting in epoll; executor results arrive
/// through call_soon_threadsafe (the future completes in the pass after the
/// worker finishes, the awaiting task resumes in the next, as asyncio's
/// wrap_future chain); cancellation and timeouts while blocked on a thread.
/// Build with -fsanitize=thread (COSM_SANITIZE=thread) to check for races.
///
//===----------------------------------------------------------------------===//
#include "test_frames.hpp"

#include <atomic>
#include <chrono>
#include <thread>

using namespace cosm_test;
using namespace std::chrono_literals;

namespace {

struct Threads : ::testing::Test, Fixture {};

double now() {
  return std::chrono::duration<double>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

TEST_F(Threads, CallSoonThreadsafeWakesALoopRestingInEpoll) {
  cosm::Loop L;
  cosm::Future<int> F(L);
  // No timers and nothing ready: without the eventfd the loop would wait
  // forever.
  // Handles (Future, Task) are not thread-safe: the other thread only
  // refers to F, it never copies it.
  std::thread T([&L, &F] {
    std::this_thread::sleep_for(20ms);
    L.call_soon_threadsafe([&F] { F.set_result(7); });
  });
  double Start = now();
  EXPECT_EQ(L.run_until_complete(F), 7);
  EXPECT_LT(now() - Start, 2.0);
  T.join();
}

TEST_F(Threads, CallSoonThreadsafeFromManyThreadsRunsEverything) {
  cosm::Loop L;
  cosm::Future<void> Done(L);
  int Count = 0; // only touched on the loop's thread
  std::vector<std::thread> Ts;
  for (int I = 0; I < 4; ++I)
    Ts.emplace_back([&L, &Count, &Done] {
      for (int J = 0; J < 250; ++J)
        L.call_soon_threadsafe([&Count, &Done] {
          if (++Count == 1000)
            Done.set_result();
        });
    });
  L.run_until_complete(Done);
  for (auto &T : Ts)
    T.join();
  EXPECT_EQ(Count, 1000);
}

TEST_F(Threads, CallSoonThreadsafeOnAClosedLoopThrows) {
  cosm::Loop L;
  L.close();
  EXPECT_THROW(L.call_soon_threadsafe([] {}), cosm::RuntimeError);
}

// async def main():
//     r = await asyncio.to_thread(lambda: 6 * 7); p("to_thread", r)
//     try: await asyncio.to_thread(fail)
//     except ValueError as e: p("error", e)
TEST_F(Threads, ToThreadResultAndException) {
  cosm::run(lambda_coro("main", [C = cosm::Coro<int>()](auto &F) mutable {
    switch (F.state) {
    case 1:
      goto resume_1;
    case 2:
      goto resume_2;
    }
    AWAIT_CORO(F, 1, C, cosm::to_thread([] { return 6 * 7; }));
    print("to_thread " + std::to_string(C.take_result()));
    AWAIT_CORO(F, 2, C, cosm::to_thread([]() -> int {
                 throw cosm::ValueError("from a thread");
               }));
    try {
      C.take_result();
    } catch (const cosm::ValueError &E) {
      print(std::string("error ") + E.what());
    }
    return F.finish();
  }));
  EXPECT_EQ(out(), (std::vector<std::string>{"to_thread 42",
                                             "error from a thread"}));
}

TEST_F(Threads, ResultArrivesOnePassBeforeTheAwaiterResumes) {
  std::atomic<bool> Release{false};
  cosm::run(lambda_coro("main", [&Release, Fu = cosm::Future<int>()](
                                    auto &F) mutable {
    switch (F.state) {
    case 1:
      goto resume_1;
    }
    Fu = cosm::get_running_loop().run_in_executor([&Release] {
      while (!Release.load())
        std::this_thread::sleep_for(1ms);
      return 5;
    });
    Fu.add_done_callback([](const cosm::Future<int> &) { p("future done"); });
    Release = true;
    AWAIT(F, 1, Fu);
    p("awaiter resumes " + std::to_string(Fu.result()));
    return F.finish();
  }));
  ASSERT_EQ(out().size(), 2u);
  // set_result (in the pass after the worker finished) queues both done
  // callbacks in registration order: they run in the same next pass.
  auto PassOf = [](const std::string &S) {
    return std::stoi(S.substr(S.find('@') + 2));
  };
  EXPECT_EQ(out()[0].substr(0, 11), "future done");
  EXPECT_EQ(out()[1].substr(0, 17), "awaiter resumes 5");
  EXPECT_EQ(PassOf(out()[0]), PassOf(out()[1]));
}

TEST_F(Threads, JobsRunInParallel) {
  double Start = now();
  auto R = cosm::run(lambda_coro<std::vector<int>>(
      "main", [G = cosm::Coro<std::vector<int>>()](auto &F) mutable {
        switch (F.state) {
        case 1:
          goto resume_1;
        }
        {
          std::vector<cosm::Coro<int>> Cs;
          for (int I = 0; I < 4; ++I)
            Cs.push_back(cosm::to_thread([I] {
              std::this_thread::sleep_for(100ms);
              return I;
            }));
          G = cosm::gather(std::move(Cs));
        }
      resume_1:
        if (G.step() == cosm::Step::Suspended) {
          F.state = 1;
          return cosm::Step::Suspended;
        }
        F.return_value(G.take_result());
        return F.finish();
      }));
  EXPECT_EQ(R, (std::vector<int>{0, 1, 2, 3}));
  EXPECT_LT(now() - Start, 0.35); // 4 x 100 ms, in parallel
}

// A task blocked on a thread is cancelled: it sees CancelledError at once
// (one pass); the call runs to its end and its result is dropped.
// wait_for on a thread times out the same way.
TEST_F(Threads, CancellationAndTimeoutWhileBlockedOnAThread) {
  std::atomic<int> Finished{0};
  auto Slow = [&Finished] {
    std::this_thread::sleep_for(60ms);
    ++Finished;
    return 1;
  };
  cosm::run(lambda_coro("main", [Slow, T = cosm::Task<int>(),
                                 C = cosm::Coro<void>(),
                                 W = cosm::Coro<int>()](auto &F) mutable {
    switch (F.state) {
    case 1:
      goto resume_1;
    case 2:
      goto resume_2;
    case 3:
      goto resume_3;
    }
    T = cosm::create_task(cosm::to_thread(Slow));
    AWAIT_CORO(F, 1, C, cosm::sleep(0));
    C.take_result();
    T.cancel();
    p("cancel");
    AWAIT(F, 2, T);
    p("cancelled " + std::string(T.cancelled() ? "True" : "False"));
    AWAIT_CORO(F, 3, W, cosm::wait_for(cosm::to_thread(Slow), 0.01));
    try {
      W.take_result();
    } catch (const cosm::TimeoutError &) {
      print("TimeoutError");
    }
    return F.finish();
  }));
  // cosm::run closed the loop, which waited for the calls that started (the
  // first may have been cancelled before a worker took it).
  EXPECT_GE(Finished.load(), 1);
  ASSERT_EQ(out().size(), 3u);
  EXPECT_EQ(out()[0], "cancel @ 2");
  EXPECT_EQ(out()[1], "cancelled True @ 4");
  EXPECT_EQ(out()[2], "TimeoutError");
}

TEST_F(Threads, AJobCancelledBeforeItStartsNeverRuns) {
  cosm::Loop L;
  std::atomic<int> Ran{0};
  std::vector<cosm::Future<int>> Fs;
  // More jobs than workers: the last ones wait in the queue.
  for (int I = 0; I < 64; ++I)
    Fs.push_back(L.run_in_executor([&Ran] {
      std::this_thread::sleep_for(20ms);
      return ++Ran;
    }));
  Fs.back().cancel();
  L.run_until_complete(Fs[0]);
  L.close();
  EXPECT_LT(Ran.load(), 64);
}

} // namespace
