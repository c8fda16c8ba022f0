//===- test_timeout_object.cpp - The Timeout of timeout()/timeout_at() ----===//
///
/// \file
/// asyncio.Timeout's when(), reschedule(), expired() and repr(), in the
/// passes asyncio 3.11 takes. Expected lines come from the asyncio twin
/// quoted with each test (its _run_once calls counted).
///
//===----------------------------------------------------------------------===//
#include "test_frames.hpp"

using namespace cosm_test;

namespace {

struct TimeoutObject : ::testing::Test, Fixture {};
using Lines = std::vector<std::string>;

// cm = timeout(10)
// try:
//     async with cm:
//         p("in"); cm.reschedule(loop.time() - 5)
//         await sleep(0); p("after 1"); await sleep(0); p("after 2")
// except TimeoutError: p("timeout", cm.expired())
TEST_F(TimeoutObject, ReschedulingIntoThePastExpiresInTheNextPass) {
  cosm::run(lambda_coro("main", [Cm = cosm::Timeout(std::nullopt),
                                 C = cosm::Coro<void>()](auto &F) mutable {
    switch (F.state) {
    case 1:
      goto try_1;
    }
    Cm = cosm::timeout(10.0);
  try_1:
    try {
      switch (F.state) {
      case 1:
        goto resume_1;
      }
      AWAIT_CORO(
          F, 1, C,
          Cm.async_with(lambda_coro(
              "body", [Cm, I = 0, S = cosm::Coro<void>()](auto &B) mutable {
                switch (B.state) {
                case 1:
                  goto resume_1;
                case 2:
                  goto resume_2;
                }
                p("in");
                Cm.reschedule(cosm::get_running_loop().time() - 5);
                AWAIT_CORO(B, 1, S, cosm::sleep(0));
                S.take_result();
                p("after 1");
                AWAIT_CORO(B, 2, S, cosm::sleep(0));
                S.take_result();
                p("after 2");
                return B.finish();
              })));
      C.take_result();
    } catch (const cosm::TimeoutError &) {
      p(std::string("timeout ") + (Cm.expired() ? "True" : "False"));
    }
    return F.finish();
  }));
  EXPECT_EQ(out(), (Lines{"in @ 1", "timeout True @ 2"}));
}

// for w in (1e9 + 0.5, 1e9 + 0.123456, 1e9, 2e9 + 0.9999, None):
//     cm = Timeout(w)
//     async with cm: print(repr(cm))
//     print(repr(cm))
TEST_F(TimeoutObject, ReprAsAsyncio) {
  cosm::Loop L;
  EXPECT_EQ(cosm::Timeout(1.5).repr(), "<Timeout [created]>");
  for (std::optional<double> W :
       {std::optional<double>(1e9 + 0.5), std::optional<double>(1e9 + 0.123456),
        std::optional<double>(1e9), std::optional<double>(2e9 + 0.9999),
        std::optional<double>()}) {
    cosm::Timeout Cm(W);
    L.run_until_complete(Cm.async_with(lambda_coro("body", [Cm](auto &F) {
      print(Cm.repr());
      return F.finish();
    })));
    print(Cm.repr());
  }
  EXPECT_EQ(
      out(),
      (Lines{"<Timeout [active] when=1000000000.5>", "<Timeout [finished]>",
             "<Timeout [active] when=1000000000.123>", "<Timeout [finished]>",
             "<Timeout [active] when=1000000000.0>", "<Timeout [finished]>",
             "<Timeout [active] when=2000000001.0>", "<Timeout [finished]>",
             "<Timeout [active] when=None>", "<Timeout [finished]>"}));
}

// asyncio asserts (AssertionError) on reschedule() before the scope is
// entered; cosm raises RuntimeError.
TEST_F(TimeoutObject, RescheduleBeforeEnteringIsARuntimeError) {
  cosm::Timeout Cm(std::nullopt);
  try {
    Cm.reschedule(1.0);
    FAIL() << "no RuntimeError";
  } catch (const cosm::RuntimeError &E) {
    EXPECT_STREQ(E.what(), "Timeout has not been entered");
  }
  EXPECT_EQ(Cm.when(), std::nullopt);
}

// reschedule(None) inside the scope: the deadline is gone, the body ends.
TEST_F(TimeoutObject, RescheduleToNoneRemovesTheDeadline) {
  cosm::Loop L;
  cosm::Timeout Cm = cosm::timeout_at(0.0); // long passed
  EXPECT_EQ(Cm.when(), std::optional<double>(0.0));
  int R = L.run_until_complete(Cm.async_with(
      lambda_coro<int>("body", [Cm, S = cosm::Coro<void>()](auto &F) mutable {
        switch (F.state) {
        case 1:
          goto resume_1;
        }
        Cm.reschedule(std::nullopt);
        AWAIT_CORO(F, 1, S, cosm::sleep(0.01));
        S.take_result();
        F.return_value(7);
        return F.finish();
      })));
  EXPECT_EQ(R, 7);
  EXPECT_FALSE(Cm.expired());
  EXPECT_EQ(Cm.when(), std::nullopt);
}

} // namespace
