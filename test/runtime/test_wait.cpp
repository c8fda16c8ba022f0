//===- test_wait.cpp - cosm::wait and cosm::as_completed ------------------===//
///
/// \file
/// wait() with each return_when, a timeout and repeated futures, in the
/// passes asyncio 3.11 takes; as_completed() in completion order and with a
/// timeout. Expected lines come from the asyncio twin quoted with each test
/// (its _run_once calls counted).
///
//===----------------------------------------------------------------------===//
#include "test_frames.hpp"

#include <stdexcept>

using namespace cosm_test;

namespace {

struct Wait : ::testing::Test, Fixture {};
using Lines = std::vector<std::string>;
using TaskList = std::vector<cosm::Task<int>>;
using WaitResult = std::pair<TaskList, TaskList>;

// async def val(name, n, v, fail=False):
//     for _ in range(n): await asyncio.sleep(0)
//     p("end", name)
//     if fail: raise ValueError(name)
//     return v
cosm::Coro<int> val(std::string Name, int N, int V, bool Fail = false) {
  return lambda_coro<int>("val", [Name, N, V, Fail, I = 0,
                                  C = cosm::Coro<void>()](auto &F) mutable {
    switch (F.state) {
    case 1:
      goto resume_1;
    }
    for (I = 0; I < N; ++I) {
      AWAIT_CORO(F, 1, C, cosm::sleep(0));
      C.take_result();
    }
    p("end " + Name);
    if (Fail)
      throw std::invalid_argument(Name);
    F.return_value(V);
    return F.finish();
  });
}

bool has(const TaskList &L, const cosm::Task<int> &T) {
  return std::find(L.begin(), L.end(), T) != L.end();
}
std::string sizes(const WaitResult &R) {
  return std::to_string(R.first.size()) + " " + std::to_string(R.second.size());
}

// a, b, c = tasks(val("a", 2, 1), val("b", 1, 2), val("c", 3, 3))
// done, pending = await wait([a, b, c], return_when=FIRST_COMPLETED)
// p("first", len(done), len(pending), b in done)
// done, pending = await wait([a, b, c]); p("all", ...)
// d, e = tasks(val("d", 1, 0, True), val("e", 4, 0))
// done, pending = await wait([e, d], return_when=FIRST_EXCEPTION)
// p("exc", len(done), len(pending), d in done)
// done, pending = await wait([e], timeout=0); p("timeout", ...)
// done, pending = await wait([e, d, e]); p("dedup", ...)
TEST_F(Wait, ReturnWhenTimeoutAndRepeatsInAsyncioPasses) {
  cosm::run(lambda_coro("main", [A = cosm::Task<int>(), B = cosm::Task<int>(),
                                 C = cosm::Task<int>(), D = cosm::Task<int>(),
                                 E = cosm::Task<int>(),
                                 W = cosm::Coro<WaitResult>()](
                                    auto &F) mutable {
    switch (F.state) {
    case 1:
      goto resume_1;
    case 2:
      goto resume_2;
    case 3:
      goto resume_3;
    case 4:
      goto resume_4;
    case 5:
      goto resume_5;
    }
    A = cosm::create_task(val("a", 2, 1));
    B = cosm::create_task(val("b", 1, 2));
    C = cosm::create_task(val("c", 3, 3));
    AWAIT_CORO(
        F, 1, W,
        cosm::wait(TaskList{A, B, C}, std::nullopt, cosm::FIRST_COMPLETED));
    {
      WaitResult R = W.take_result();
      p("first " + sizes(R) + (has(R.first, B) ? " True" : " False"));
      // done and pending keep the input order.
      EXPECT_EQ(R.first, (TaskList{A, B}));
      EXPECT_EQ(R.second, (TaskList{C}));
    }
    AWAIT_CORO(F, 2, W, cosm::wait(TaskList{A, B, C}));
    p("all " + sizes(W.take_result()));
    D = cosm::create_task(val("d", 1, 0, true));
    E = cosm::create_task(val("e", 4, 0));
    AWAIT_CORO(F, 3, W,
               cosm::wait(TaskList{E, D}, std::nullopt, cosm::FIRST_EXCEPTION));
    {
      WaitResult R = W.take_result();
      p("exc " + sizes(R) + (has(R.first, D) ? " True" : " False"));
    }
    AWAIT_CORO(F, 4, W, cosm::wait(TaskList{E}, 0.0));
    p("timeout " + sizes(W.take_result()));
    AWAIT_CORO(F, 5, W, cosm::wait(TaskList{E, D, E}));
    {
      WaitResult R = W.take_result();
      p("dedup " + sizes(R));
      EXPECT_EQ(R.first, (TaskList{E, D}));
    }
    return F.finish();
  }));
  EXPECT_EQ(out(),
            (Lines{"end b @ 3", "end a @ 4", "first 2 1 True @ 5", "end c @ 5",
                   "all 3 0 @ 7", "end d @ 9", "exc 1 1 True @ 11",
                   "end e @ 12", "timeout 1 0 @ 13", "dedup 2 0 @ 15"}));
}

// A timeout returns what is pending instead of raising, and the callbacks
// are removed: e finishing later does not touch the finished wait.
// done, pending = await wait([e], timeout=0.01); p(len(done), len(pending))
TEST_F(Wait, ATimeoutReturnsThePendingOnes) {
  cosm::Loop L;
  auto E = L.create_task(val("e", 1, 0));
  cosm::Future<int> Never(L);
  auto R = L.run_until_complete(
      cosm::wait(std::vector<cosm::Future<int>>{Never}, 0.01));
  EXPECT_TRUE(R.first.empty());
  ASSERT_EQ(R.second.size(), 1u);
  EXPECT_EQ(R.second[0], Never);
  EXPECT_EQ(L.run_until_complete(E), 0);
}

// await wait([]) -> ValueError('Set of Tasks/Futures is empty.')
TEST_F(Wait, AnEmptyListIsAValueErrorWhenAwaited) {
  cosm::Loop L;
  auto C = cosm::wait(std::vector<cosm::Task<int>>{});
  try {
    L.run_until_complete(std::move(C));
    FAIL() << "no ValueError";
  } catch (const cosm::ValueError &E) {
    EXPECT_STREQ(E.what(), "Set of Tasks/Futures is empty.");
  }
}

// Cancelling the waiting task leaves the awaited futures alone.
// t = create_task(wait([f])); await sleep(0); t.cancel(); await sleep(0)
// p(t.cancelled(), f.done())
TEST_F(Wait, CancellingTheWaiterLeavesTheFutures) {
  cosm::Loop L;
  cosm::Future<int> Fut(L);
  auto T = L.create_task(cosm::wait(std::vector<cosm::Future<int>>{Fut}));
  L.run_until_complete(cosm::sleep(0));
  EXPECT_TRUE(T.cancel());
  L.run_until_complete(cosm::sleep(0));
  EXPECT_TRUE(T.cancelled());
  EXPECT_FALSE(Fut.done());
  // Its completion callback was removed: setting the future later is fine.
  Fut.set_result(1);
  L.run_until_complete(Fut);
}

// ts = [create_task(val("x", 3, 1)), create_task(val("y", 1, 2)),
//       create_task(val("z", 2, 3))]
// for c in as_completed(ts): p("got", await c)
// (Tasks made first: as_completed would make them in set order.)
TEST_F(Wait, AsCompletedYieldsInCompletionOrder) {
  std::vector<cosm::Coro<int>> Its;
  cosm::run(lambda_coro("main", [&Its, I = std::size_t(0),
                                 C = cosm::Coro<int>()](auto &F) mutable {
    switch (F.state) {
    case 1:
      goto resume_1;
    }
    {
      std::vector<cosm::Task<int>> Ts{cosm::create_task(val("x", 3, 1)),
                                      cosm::create_task(val("y", 1, 2)),
                                      cosm::create_task(val("z", 2, 3))};
      Its = cosm::as_completed(std::move(Ts));
    }
    for (I = 0; I < Its.size(); ++I) {
      AWAIT_CORO(F, 1, C, std::move(Its[I]));
      p("got " + std::to_string(C.take_result()));
    }
    return F.finish();
  }));
  EXPECT_EQ(out(), (Lines{"end y @ 3", "end z @ 4", "end x @ 5", "got 2 @ 5",
                          "got 3 @ 6", "got 1 @ 6"}));
}

// its = as_completed([fail, never], timeout=0.01): the first gives the
// failure, the second TimeoutError.
TEST_F(Wait, AsCompletedRaisesTheErrorThenTimeoutError) {
  cosm::Loop L;
  cosm::Future<int> Never(L);
  auto Bad = L.create_task(val("bad", 0, 0, true));
  std::vector<cosm::Coro<int>> Its;
  L.run_until_complete(lambda_coro("setup", [&](auto &F) {
    Its = cosm::as_completed(std::vector<cosm::Future<int>>{Never}, 0.01);
    return F.finish();
  }));
  ASSERT_EQ(Its.size(), 1u);
  EXPECT_THROW(L.run_until_complete(std::move(Its[0])), cosm::TimeoutError);
  EXPECT_THROW(L.run_until_complete(Bad), std::invalid_argument);
}

// wait() over AnyTask handles, and as_completed() over void futures.
TEST_F(Wait, AnyTasksAndVoidFutures) {
  cosm::Loop L;
  auto A = L.create_task(val("a", 1, 1));
  cosm::Future<void> V(L);
  auto R = L.run_until_complete(
      cosm::wait(std::vector<cosm::AnyTask>{cosm::AnyTask(A)}));
  ASSERT_EQ(R.first.size(), 1u);
  EXPECT_EQ(R.first[0], cosm::AnyTask(A));
  std::vector<cosm::Coro<void>> Its;
  L.run_until_complete(lambda_coro("setup", [&](auto &F) {
    Its = cosm::as_completed(std::vector<cosm::Future<void>>{V});
    V.set_result();
    return F.finish();
  }));
  ASSERT_EQ(Its.size(), 1u);
  L.run_until_complete(std::move(Its[0]));
  EXPECT_EQ(out(), (Lines{"end a @ 2"}));
}

} // namespace
