//===- test_pass_costs.cpp - The spec's pass-cost table -------------------===//
///
/// \file
/// One test per row of "Pass costs" in asyncio-semantics.md. The expected
/// pass numbers are what the asyncio twin prints with _run_once counted
/// (pass 1 is main's first step).
///
//===----------------------------------------------------------------------===//
#include "test_frames.hpp"

#include <optional>

using namespace cosm_test;

namespace {

struct PassCost : ::testing::Test, Fixture {};

// await asyncio.sleep(0) -> 1
TEST_F(PassCost, SleepZeroCostsOnePass) {
  cosm::run(lambda_coro("main", [C = cosm::Coro<void>()](auto &F) mutable {
    switch (F.state) {
    case 1:
      goto resume_1;
    }
    p("before");
    AWAIT_CORO(F, 1, C, cosm::sleep(0));
    C.take_result();
    p("after");
    return F.finish();
  }));
  EXPECT_EQ(out(), (std::vector<std::string>{"before @ 1", "after @ 2"}));
}

// await create_task(noop()) -> 2
TEST_F(PassCost, AwaitCreateTaskNoopCostsTwo) {
  cosm::run(lambda_coro("main", [T = cosm::Task<void>()](auto &F) mutable {
    switch (F.state) {
    case 1:
      goto resume_1;
    }
    p("before");
    T = cosm::create_task(noop());
    AWAIT(F, 1, T);
    T.result();
    p("after");
    return F.finish();
  }));
  EXPECT_EQ(out(), (std::vector<std::string>{"before @ 1", "after @ 3"}));
}

// await gather(noop()) -> 3
TEST_F(PassCost, AwaitGatherNoopCostsThree) {
  using G = cosm::Coro<std::tuple<std::monostate>>;
  cosm::run(lambda_coro("main", [C = G()](auto &F) mutable {
    switch (F.state) {
    case 1:
      goto resume_1;
    }
    p("before");
    AWAIT_CORO(F, 1, C, cosm::gather(noop()));
    C.take_result();
    p("after");
    return F.finish();
  }));
  EXPECT_EQ(out(), (std::vector<std::string>{"before @ 1", "after @ 4"}));
}

// await a finished task -> 0, and nothing else runs in between.
TEST_F(PassCost, AwaitFinishedTaskCostsNothing) {
  cosm::run(lambda_coro("main", [T = cosm::Task<int>(), U = cosm::Task<void>(),
                                 C = cosm::Coro<void>()](auto &F) mutable {
    switch (F.state) {
    case 1:
      goto resume_1;
    case 2:
      goto resume_2;
    }
    T = cosm::create_task(value(7));
    AWAIT_CORO(F, 1, C, cosm::sleep(0));
    C.take_result();
    EXPECT_TRUE(T.done());
    U = cosm::create_task(say("other task ran"));
    p("before");
    AWAIT(F, 2, T);
    p("after, got " + std::to_string(T.result()));
    return F.finish();
  }));
  EXPECT_EQ(out(), (std::vector<std::string>{"before @ 2", "after, got 7 @ 2",
                                             "other task ran"}));
}

// await a coroutine that does not block -> 0 (and no task is created).
TEST_F(PassCost, AwaitNonBlockingCoroutineCostsNothing) {
  cosm::run(lambda_coro("main", [C = cosm::Coro<int>()](auto &F) mutable {
    switch (F.state) {
    case 1:
      goto resume_1;
    }
    p("before");
    AWAIT_CORO(F, 1, C, value(5));
    p("after, got " + std::to_string(C.take_result()));
    EXPECT_EQ(cosm::all_tasks().size(), 1u);
    return F.finish();
  }));
  EXPECT_EQ(out(),
            (std::vector<std::string>{"before @ 1", "after, got 5 @ 1"}));
}

// await a future that a call_soon callback sets -> 2
TEST_F(PassCost, FutureSetByCallSoonCostsTwo) {
  cosm::run(lambda_coro(
      "main", [Fut = std::optional<cosm::Future<int>>()](auto &F) mutable {
        switch (F.state) {
        case 1:
          goto resume_1;
        }
        Fut.emplace();
        cosm::get_running_loop().call_soon([Fut = *Fut] { Fut.set_result(1); });
        p("before");
        AWAIT(F, 1, *Fut);
        p("after, got " + std::to_string(Fut->result()));
        return F.finish();
      }));
  EXPECT_EQ(out(),
            (std::vector<std::string>{"before @ 1", "after, got 1 @ 3"}));
}

// sleep(d > 0) -> the timer's pass + 1
TEST_F(PassCost, SleepPositiveResumesOnePassAfterItsTimer) {
  std::uint64_t TimerPass = 0;
  cosm::run(lambda_coro("main",
                        [&TimerPass, C = cosm::Coro<void>()](auto &F) mutable {
                          switch (F.state) {
                          case 1:
                            goto resume_1;
                          }
                          // A probe due just before the sleep's timer fires in
                          // the same pass.
                          cosm::get_running_loop().call_later(
                              0.02, [&TimerPass] { TimerPass = pass(); });
                          AWAIT_CORO(F, 1, C, cosm::sleep(0.02));
                          C.take_result();
                          EXPECT_GT(TimerPass, 1u);
                          EXPECT_EQ(pass(), TimerPass + 1);
                          return F.finish();
                        }));
  EXPECT_NE(TimerPass, 0u);
}

// async def blocked(f):
//     try: await f
//     except asyncio.CancelledError: p("task sees cancel"); raise
cosm::Coro<void> blocked(cosm::Future<int> Fut) {
  return lambda_coro("blocked", [Fut](auto &F) -> cosm::Step {
    try {
      switch (F.state) {
      case 1:
        goto resume_1;
      }
      AWAIT(F, 1, Fut);
      Fut.result();
    } catch (const cosm::CancelledError &) {
      p("task sees cancel");
      throw;
    }
    return F.finish();
  });
}

// cancel a task blocked on a future -> 1 (the task) / 2 (its awaiter)
TEST_F(PassCost, CancelBlockedTaskCostsOneThenTwo) {
  cosm::run(lambda_coro("main", [T = cosm::Task<void>(),
                                 C = cosm::Coro<void>()](auto &F) mutable {
    try {
      switch (F.state) {
      case 1:
        goto resume_1;
      case 2:
        goto resume_2;
      }
      T = cosm::create_task(blocked(cosm::Future<int>()));
      AWAIT_CORO(F, 1, C, cosm::sleep(0));
      C.take_result();
      p("cancel now");
      EXPECT_TRUE(T.cancel());
      AWAIT(F, 2, T);
      T.result();
    } catch (const cosm::CancelledError &) {
      p("awaiter sees cancel");
    }
    return F.finish();
  }));
  EXPECT_EQ(out(),
            (std::vector<std::string>{"cancel now @ 2", "task sees cancel @ 3",
                                      "awaiter sees cancel @ 4"}));
}

} // namespace
