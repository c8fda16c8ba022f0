//===- test_future.cpp - cosm::Future -------------------------------------===//
///
/// \file
/// Rule 4 (done callbacks always through call_soon) and the future's states
/// and errors.
///
//===----------------------------------------------------------------------===//
#include "test_frames.hpp"

#include <stdexcept>

using namespace cosm_test;

namespace {

struct FutureTest : ::testing::Test, Fixture {
  cosm::Loop L;
  std::function<void()> log(std::string Line) {
    return [this, Line] { print(Line + " @ " + std::to_string(L.passes())); };
  }
};

// Rule 4: set_result queues each callback, in registration order; a callback
// added to a done future is queued too.
TEST_F(FutureTest, DoneCallbacksRunThroughCallSoonInOrder) {
  cosm::Future<int> F(L);
  F.add_done_callback([this](const cosm::Future<int> &Done) {
    log("cb1 " + std::to_string(Done.result()))();
  });
  F.add_done_callback([this](const cosm::Future<int> &) { log("cb2")(); });
  L.call_soon(log("before"));
  L.call_soon([&] {
    log("setting")();
    F.set_result(3);
    log("set done (callbacks not run yet)")();
    F.add_done_callback(
        [this](const cosm::Future<int> &) { log("cb3 late")(); });
    L.call_soon(log("queued after"));
  });
  L.call_later(0.01, [this] { L.stop(); });
  L.run_forever();
  EXPECT_EQ(out(), (std::vector<std::string>{
                       "before @ 1", "setting @ 1",
                       "set done (callbacks not run yet) @ 1", "cb1 3 @ 2",
                       "cb2 @ 2", "cb3 late @ 2", "queued after @ 2"}));
}

TEST_F(FutureTest, StatesAndResults) {
  cosm::Future<std::string> F(L);
  EXPECT_FALSE(F.done());
  EXPECT_FALSE(F.cancelled());
  EXPECT_THROW(F.result(), cosm::InvalidStateError);
  EXPECT_THROW(F.exception(), cosm::InvalidStateError);
  F.set_result("ok");
  EXPECT_TRUE(F.done());
  EXPECT_EQ(F.result(), "ok");
  EXPECT_EQ(F.exception(), nullptr);
  EXPECT_FALSE(F.cancel());
  EXPECT_FALSE(F.cancelled());
}

TEST_F(FutureTest, SettingTwiceIsAnInvalidState) {
  cosm::Future<int> F(L);
  F.set_result(1);
  EXPECT_THROW(F.set_result(2), cosm::InvalidStateError);
  EXPECT_THROW(F.set_exception(std::runtime_error("x")),
               cosm::InvalidStateError);
  EXPECT_EQ(F.result(), 1);
  cosm::Future<void> V(L);
  V.cancel();
  try {
    V.set_result();
    FAIL() << "expected InvalidStateError";
  } catch (const cosm::InvalidStateError &E) {
    EXPECT_STREQ(E.what(), "invalid state"); // CPython's message
  }
}

TEST_F(FutureTest, ExceptionIsRethrownByResult) {
  cosm::Future<int> F(L);
  F.set_exception(std::make_exception_ptr(std::out_of_range("bad")));
  EXPECT_TRUE(F.done());
  EXPECT_THROW(F.result(), std::out_of_range);
  EXPECT_NE(F.exception(), nullptr);
}

TEST_F(FutureTest, CancelledFutureThrowsCancelledError) {
  cosm::Future<int> F(L);
  bool Called = false;
  F.add_done_callback([&](const cosm::Future<int> &Done) {
    Called = true;
    EXPECT_TRUE(Done.cancelled());
  });
  EXPECT_TRUE(F.cancel());
  EXPECT_FALSE(F.cancel());
  EXPECT_TRUE(F.cancelled());
  EXPECT_TRUE(F.done());
  EXPECT_THROW(F.result(), cosm::CancelledError);
  EXPECT_THROW(F.exception(), cosm::CancelledError);
  EXPECT_FALSE(Called); // not inline
  L.call_soon([this] { L.stop(); });
  L.run_forever();
  EXPECT_TRUE(Called);
}

TEST_F(FutureTest, CopiesShareTheFuture) {
  cosm::Future<int> A(L);
  cosm::Future<int> B = A;
  EXPECT_TRUE(A == B);
  B.set_result(9);
  EXPECT_EQ(A.result(), 9);
  EXPECT_FALSE(A == cosm::Future<int>(L));
}

// A future made outside any loop binds to the loop that first needs it.
TEST_F(FutureTest, AFutureMadeOutsideALoopBindsLazily) {
  cosm::Future<int> F;
  auto T = L.create_task(lambda_coro<int>("waiter", [F](auto &Fr) {
    switch (Fr.state) {
    case 1:
      goto resume_1;
    }
    AWAIT(Fr, 1, F);
    Fr.return_value(F.result() * 2);
    return Fr.finish();
  }));
  L.call_soon([F] { F.set_result(21); });
  EXPECT_EQ(L.run_until_complete(T), 42);
  cosm::Future<int> Unbound;
  EXPECT_THROW(Unbound.add_done_callback([](const cosm::Future<int> &) {}),
               cosm::RuntimeError);
}

TEST_F(FutureTest, UnretrievedExceptionIsReportedWhenDestroyed) {
  std::string Err = stderrOf([&] {
    cosm::Future<int> F(L);
    F.set_exception(std::make_exception_ptr(std::runtime_error("lost")));
  });
  EXPECT_NE(Err.find("Future exception was never retrieved"),
            std::string::npos);
  EXPECT_NE(Err.find("lost"), std::string::npos) << Err;

  Err = stderrOf([&] {
    cosm::Future<int> F(L);
    F.set_exception(std::make_exception_ptr(std::runtime_error("seen")));
    (void)F.exception();
  });
  EXPECT_EQ(Err, "");
}

TEST_F(FutureTest, RunUntilCompleteOnAFuture) {
  cosm::Future<int> F(L);
  L.call_later(0.001, [F] { F.set_result(5); });
  EXPECT_EQ(L.run_until_complete(F), 5);
  // Already done: run_until_complete still runs one pass (its stop
  // callback goes through call_soon).
  std::uint64_t Before = L.passes();
  EXPECT_EQ(L.run_until_complete(F), 5);
  EXPECT_EQ(L.passes(), Before + 1);
}

} // namespace
