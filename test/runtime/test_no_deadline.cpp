//===- test_no_deadline.cpp - wait_for and timeout with None --------------===//
///
/// \file
/// std::nullopt is asyncio's None: wait_for(x, None) is `return await x`
/// (a coroutine awaited inline, no task) and timeout(None) a scope with no
/// deadline. Expected lines come from the asyncio twin quoted with each test.
///
//===----------------------------------------------------------------------===//
#include "test_frames.hpp"

#include <optional>

using namespace cosm_test;

namespace {

using Lines = std::vector<std::string>;

struct NoDeadline : ::testing::Test, Fixture {};

// async def inner(): await asyncio.sleep(0); return 7
cosm::Coro<int> inner() {
  return lambda_coro<int>("inner", [C = cosm::Coro<void>()](auto &F) mutable {
    switch (F.state) {
    case 1:
      goto resume_1;
    }
    AWAIT_CORO(F, 1, C, cosm::sleep(0));
    C.take_result();
    F.return_value(7);
    return F.finish();
  });
}

/// main: p(Label + str(await Make()))
template <class M> void runPrinting(std::string Label, M Make) {
  cosm::run(lambda_coro("main", [Label, Make, C = cosm::Coro<int>()](
                                    auto &F) mutable {
    switch (F.state) {
    case 1:
      goto resume_1;
    }
    AWAIT_CORO(F, 1, C, Make());
    p(Label + std::to_string(C.take_result()));
    return F.finish();
  }));
}

// p(f"coro {await asyncio.wait_for(inner(), None)}")
TEST_F(NoDeadline, WaitForACoroutineAwaitsItInline) {
  runPrinting("coro ", [] { return cosm::wait_for(inner(), std::nullopt); });
  EXPECT_EQ(out(), (Lines{"coro 7 @ 2"}));
}

// t = create_task(inner()); p(f"task {await asyncio.wait_for(t, None)}")
TEST_F(NoDeadline, WaitForATaskAwaitsIt) {
  runPrinting("task ", [] {
    return cosm::wait_for(cosm::create_task(inner()), std::nullopt);
  });
  EXPECT_EQ(out(), (Lines{"task 7 @ 4"}));
}

// f = create_future(); w = create_task(wait_for(f, None))
// await sleep(0); w.cancel()
// try: await w
// except CancelledError: p(f"cancelled {f.cancelled()}")
TEST_F(NoDeadline, CancellingTheWaiterCancelsTheFuture) {
  cosm::run(lambda_coro("main", [Fut = cosm::Future<int>(),
                                 W = cosm::Task<int>(),
                                 C = cosm::Coro<void>()](auto &F) mutable {
    switch (F.state) {
    case 1:
      goto resume_1;
    case 2:
      goto resume_2;
    }
    W = cosm::create_task(cosm::wait_for(Fut, std::nullopt));
    AWAIT_CORO(F, 1, C, cosm::sleep(0));
    C.take_result();
    W.cancel();
    AWAIT(F, 2, W);
    if (W.cancelled())
      p(std::string("cancelled ") + (Fut.cancelled() ? "True" : "False"));
    return F.finish();
  }));
  EXPECT_EQ(out(), (Lines{"cancelled True @ 4"}));
}

// async with asyncio.timeout(None): r = await inner()
// p(f"timeout {r}")
TEST_F(NoDeadline, ATimeoutScopeWithoutDeadline) {
  runPrinting("timeout ",
              [] { return cosm::timeout(std::nullopt, inner()); });
  EXPECT_EQ(out(), (Lines{"timeout 7 @ 2"}));
}

TEST_F(NoDeadline, ATimeoutAtScopeWithoutDeadline) {
  runPrinting("timeout_at ",
              [] { return cosm::timeout_at(std::nullopt, inner()); });
  EXPECT_EQ(out(), (Lines{"timeout_at 7 @ 2"}));
}

// async def body():
//     async with asyncio.timeout(None): await asyncio.sleep(3600)
// t = create_task(body()); await sleep(0); t.cancel()
// try: await t
// except CancelledError: p("cancelled")
TEST_F(NoDeadline, ACancellationStaysACancellation) {
  cosm::run(lambda_coro("main", [T = cosm::Task<void>(),
                                 C = cosm::Coro<void>()](auto &F) mutable {
    switch (F.state) {
    case 1:
      goto resume_1;
    case 2:
      goto resume_2;
    }
    T = cosm::create_task(
        lambda_coro("body", [B = cosm::Coro<void>()](auto &G) mutable {
          switch (G.state) {
          case 1:
            goto resume_1;
          }
          AWAIT_CORO(G, 1, B, cosm::timeout(std::nullopt, cosm::sleep(3600)));
          B.take_result();
          return G.finish();
        }));
    AWAIT_CORO(F, 1, C, cosm::sleep(0));
    C.take_result();
    T.cancel();
    AWAIT(F, 2, T);
    if (T.cancelled())
      p("cancelled");
    return F.finish();
  }));
  EXPECT_EQ(out(), (Lines{"cancelled @ 4"}));
}

} // namespace
