//===- test_bad_input.cpp - NaN, negative, infinite and huge delays -------===//
///
/// \file
/// sleep, call_later, call_at, wait_for and timeout given NaN, -1, -inf,
/// +inf, 1e300 and DBL_MAX, one test per API and value. Each expected
/// outcome is CPython 3.11's, from the asyncio twin quoted above each
/// suite (fresh loop, _run_once counted). A NaN deadline is "due" in
/// asyncio (`when >= end_time` is false) and fires once it reaches the head
/// of the heap; an infinite or huge one never fires but stays cancellable.
///
//===----------------------------------------------------------------------===//
#include "test_frames.hpp"

#include <cfloat>
#include <cmath>
#include <limits>

using namespace cosm_test;

namespace {

using Lines = std::vector<std::string>;

/// One bad value and what asyncio prints for it.
struct Case {
  const char *Name;
  double Value;
  Lines Want;
};

void PrintTo(const Case &C, std::ostream *OS) { *OS << C.Name; }

std::string caseName(const ::testing::TestParamInfo<Case> &I) {
  return I.param.Name;
}

constexpr double NaN = std::numeric_limits<double>::quiet_NaN();
constexpr double Inf = std::numeric_limits<double>::infinity();

#define BAD_INPUT_SUITE(Suite, ...)                                            \
  struct Suite : ::testing::TestWithParam<Case>, Fixture {};                   \
  INSTANTIATE_TEST_SUITE_P(Values, Suite, ::testing::Values(__VA_ARGS__),      \
                           caseName)

// async def sleeper(d): await asyncio.sleep(d); p("slept")
cosm::Coro<void> sleeper(double D) {
  return lambda_coro("sleeper", [D, C = cosm::Coro<void>()](auto &F) mutable {
    switch (F.state) {
    case 1:
      goto resume_1;
    }
    AWAIT_CORO(F, 1, C, cosm::sleep(D));
    C.take_result();
    p("slept");
    return F.finish();
  });
}

// async def yields(n): for _ in range(n): await asyncio.sleep(0)
cosm::Coro<void> yields(int N) {
  return lambda_coro("yields",
                     [N, I = 0, C = cosm::Coro<void>()](auto &F) mutable {
                       switch (F.state) {
                       case 1:
                         goto resume_1;
                       }
                       for (I = 0; I < N; ++I) {
                         AWAIT_CORO(F, 1, C, cosm::sleep(0));
                         C.take_result();
                       }
                       return F.finish();
                     });
}

// t = create_task(x); await yields(2); t.cancel()
// try: await t
// except CancelledError: p("cancelled")
template <class T>
cosm::Coro<void> cancelAfterTwoYields(cosm::Coro<T> X, int Yields = 2) {
  return lambda_coro("main", [X = std::move(X), Yields, T_ = cosm::Task<T>(),
                              C = cosm::Coro<void>()](auto &F) mutable {
    switch (F.state) {
    case 1:
      goto resume_1;
    case 2:
      goto resume_2;
    }
    T_ = cosm::create_task(std::move(X));
    AWAIT_CORO(F, 1, C, yields(Yields));
    C.take_result();
    if (!T_.done()) {
      p("done 0");
      T_.cancel();
      AWAIT(F, 2, T_);
      try {
        T_.result();
      } catch (const cosm::CancelledError &) {
        p("cancelled");
      }
    } else {
      p("done 1");
    }
    return F.finish();
  });
}

// async def main(d):
//     t = create_task(sleeper(d)); await yields(4)
//     p("done", int(t.done()))
//     if not t.done():
//         t.cancel()
//         try: await t
//         except CancelledError: p("cancelled")
BAD_INPUT_SUITE(
    SleepBadDelay, Case{"NaN", NaN, {"slept @ 4", "done 1 @ 5"}},
    Case{"MinusOne", -1, {"slept @ 3", "done 1 @ 5"}},
    Case{"MinusInf", -Inf, {"slept @ 3", "done 1 @ 5"}},
    Case{"Inf", Inf, {"done 0 @ 5", "cancelled @ 7"}},
    Case{"Huge", 1e300, {"done 0 @ 5", "cancelled @ 7"}},
    Case{"DblMax", DBL_MAX, {"done 0 @ 5", "cancelled @ 7"}});

TEST_P(SleepBadDelay, BehavesAsAsyncio) {
  cosm::run(cancelAfterTwoYields(sleeper(GetParam().Value), 4));
  EXPECT_EQ(out(), GetParam().Want);
}

// async def main(d):
//     h = loop.call_later(d, lambda: p("fired"))   # or call_at(d, ...)
//     await sleep(0); await sleep(0); p("cancel"); h.cancel()
cosm::Coro<void> timerThenCancel(double D, bool At) {
  return lambda_coro("main", [D, At, H = cosm::TimerHandle(),
                              C = cosm::Coro<void>()](auto &F) mutable {
    switch (F.state) {
    case 1:
      goto resume_1;
    }
    {
      cosm::Loop &L = cosm::get_running_loop();
      auto Fire = [] { p("fired"); };
      H = At ? L.call_at(D, Fire) : L.call_later(D, Fire);
    }
    AWAIT_CORO(F, 1, C, yields(2));
    C.take_result();
    p("cancel");
    H.cancel();
    return F.finish();
  });
}

BAD_INPUT_SUITE(CallLaterBadDelay,
                Case{"NaN", NaN, {"fired @ 2", "cancel @ 3"}},
                Case{"MinusOne", -1, {"fired @ 2", "cancel @ 3"}},
                Case{"MinusInf", -Inf, {"fired @ 2", "cancel @ 3"}},
                Case{"Inf", Inf, {"cancel @ 3"}},
                Case{"Huge", 1e300, {"cancel @ 3"}},
                Case{"DblMax", DBL_MAX, {"cancel @ 3"}});

TEST_P(CallLaterBadDelay, BehavesAsAsyncio) {
  cosm::run(timerThenCancel(GetParam().Value, false));
  EXPECT_EQ(out(), GetParam().Want);
}

BAD_INPUT_SUITE(CallAtBadDeadline,
                Case{"NaN", NaN, {"fired @ 2", "cancel @ 3"}},
                Case{"MinusOne", -1, {"fired @ 2", "cancel @ 3"}},
                Case{"MinusInf", -Inf, {"fired @ 2", "cancel @ 3"}},
                Case{"Inf", Inf, {"cancel @ 3"}},
                Case{"Huge", 1e300, {"cancel @ 3"}},
                Case{"DblMax", DBL_MAX, {"cancel @ 3"}});

TEST_P(CallAtBadDeadline, BehavesAsAsyncio) {
  cosm::run(timerThenCancel(GetParam().Value, true));
  EXPECT_EQ(out(), GetParam().Want);
}

// async def inner(): await sleep(0.01); p("inner done"); return 7
cosm::Coro<int> inner() {
  return lambda_coro<int>("inner", [C = cosm::Coro<void>()](auto &F) mutable {
    switch (F.state) {
    case 1:
      goto resume_1;
    }
    AWAIT_CORO(F, 1, C, cosm::sleep(0.01));
    C.take_result();
    p("inner done");
    F.return_value(7);
    return F.finish();
  });
}

// try: r = await wait_for(inner(), d); p("result", r)
// except TimeoutError: p("timeout")
cosm::Coro<void> waitForInner(double D) {
  return lambda_coro("main", [D, C = cosm::Coro<int>()](auto &F) mutable {
    switch (F.state) {
    case 1:
      goto resume_1;
    }
    AWAIT_CORO(F, 1, C, cosm::wait_for(inner(), D));
    try {
      p("result " + std::to_string(C.take_result()));
    } catch (const cosm::TimeoutError &) {
      p("timeout");
    }
    return F.finish();
  });
}

BAD_INPUT_SUITE(WaitForBadTimeout, Case{"NaN", NaN, {"timeout @ 6"}},
                Case{"MinusOne", -1, {"timeout @ 4"}},
                Case{"MinusInf", -Inf, {"timeout @ 4"}},
                Case{"Inf", Inf, {"inner done @ 4", "result 7 @ 6"}},
                Case{"Huge", 1e300, {"inner done @ 4", "result 7 @ 6"}},
                Case{"DblMax", DBL_MAX, {"inner done @ 4", "result 7 @ 6"}});

TEST_P(WaitForBadTimeout, BehavesAsAsyncio) {
  cosm::run(waitForInner(GetParam().Value));
  EXPECT_EQ(out(), GetParam().Want);
}

// try:
//     async with asyncio.timeout(d): r = await inner()
//     p("result", r)
// except TimeoutError: p("timeout")
cosm::Coro<void> timeoutInner(double D) {
  return lambda_coro("main", [D, C = cosm::Coro<int>()](auto &F) mutable {
    switch (F.state) {
    case 1:
      goto resume_1;
    }
    AWAIT_CORO(F, 1, C, cosm::timeout(D, inner()));
    try {
      p("result " + std::to_string(C.take_result()));
    } catch (const cosm::TimeoutError &) {
      p("timeout");
    }
    return F.finish();
  });
}

BAD_INPUT_SUITE(TimeoutBadDelay, Case{"NaN", NaN, {"timeout @ 3"}},
                Case{"MinusOne", -1, {"timeout @ 3"}},
                Case{"MinusInf", -Inf, {"timeout @ 3"}},
                Case{"Inf", Inf, {"inner done @ 3", "result 7 @ 3"}},
                Case{"Huge", 1e300, {"inner done @ 3", "result 7 @ 3"}},
                Case{"DblMax", DBL_MAX, {"inner done @ 3", "result 7 @ 3"}});

TEST_P(TimeoutBadDelay, BehavesAsAsyncio) {
  cosm::run(timeoutInner(GetParam().Value));
  EXPECT_EQ(out(), GetParam().Want);
}

// async def forever(): await sleep(3600)
cosm::Coro<void> forever() { return cosm::sleep(3600); }

// t = create_task(wait_for(forever(), d)); await yields(2); t.cancel()
// try: await t
// except CancelledError: p("cancelled")
BAD_INPUT_SUITE(WaitForNeverExpiring,
                Case{"Inf", Inf, {"done 0 @ 3", "cancelled @ 8"}},
                Case{"DblMax", DBL_MAX, {"done 0 @ 3", "cancelled @ 8"}});

TEST_P(WaitForNeverExpiring, StaysCancellable) {
  cosm::run(cancelAfterTwoYields(cosm::wait_for(forever(), GetParam().Value)));
  EXPECT_EQ(out(), GetParam().Want);
}

// async def body(d):
//     async with asyncio.timeout(d): await forever()
// t = create_task(body(d)); await yields(2); t.cancel() ...
BAD_INPUT_SUITE(TimeoutNeverExpiring,
                Case{"Inf", Inf, {"done 0 @ 3", "cancelled @ 5"}},
                Case{"DblMax", DBL_MAX, {"done 0 @ 3", "cancelled @ 5"}});

cosm::Coro<void> timeoutForever(double D) {
  return lambda_coro("body", [D, C = cosm::Coro<void>()](auto &F) mutable {
    switch (F.state) {
    case 1:
      goto resume_1;
    }
    AWAIT_CORO(F, 1, C, cosm::timeout(D, forever()));
    C.take_result();
    return F.finish();
  });
}

TEST_P(TimeoutNeverExpiring, StaysCancellable) {
  cosm::run(cancelAfterTwoYields(timeoutForever(GetParam().Value)));
  EXPECT_EQ(out(), GetParam().Want);
}

// A NaN timer is incomparable: heapq leaves it where it lands, and it fires
// only when it reaches the head. asyncio (deadlines relative to "now"):
//   call_later(0.2, "a"); call_later(nan, "nan"); call_later(0.1, "b")
//   -> b fires, then a, then nan right behind a in the same pass.
TEST(TimerHeap, NaNWaitsBehindTheTimerAboveIt) {
  out().clear();
  cosm::Loop L;
  L.call_later(0.02, [] { p("a"); });
  L.call_later(NaN, [] { p("nan"); });
  L.call_later(0.01, [] { p("b"); });
  L.call_later(0.03, [&L] { L.stop(); });
  L.run_forever();
  EXPECT_EQ(out(), (Lines{"b @ 1", "a @ 2", "nan @ 2"}));
}

// The poll timeout of a loop whose only timer is infinitely far is capped
// (asyncio's MAXIMUM_SELECT_TIMEOUT), and cancelling that timer lets the loop
// finish: run() returns at once.
TEST(TimerHeap, AnInfiniteTimerDoesNotKeepTheLoop) {
  cosm::Loop L;
  cosm::TimerHandle H = L.call_later(Inf, [] {});
  L.call_soon([H, &L] {
    H.cancel();
    L.stop();
  });
  L.run_forever();
  EXPECT_TRUE(H.cancelled());
}

} // namespace
