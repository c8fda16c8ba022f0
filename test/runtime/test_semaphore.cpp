//===- test_semaphore.cpp - Semaphore, BoundedSemaphore, Condition --------===//
///
/// \file
/// Fast paths, wake-up order, no barging and cancellation while blocked.
/// Expected lines come from the asyncio twin of each test (quoted above
/// it), with _run_once counted.
///
//===----------------------------------------------------------------------===//
#include "test_frames.hpp"

using namespace cosm_test;

namespace {

struct SemCond : ::testing::Test, Fixture {};

std::string str(bool B) { return B ? "True" : "False"; }
std::string num(int N) { return std::to_string(N); }

// async def worker(sem, n, hold):
//     p("acquire", n); await sem.acquire(); p("got", n, sem._value)
//     for _ in range(hold): await asyncio.sleep(0)
//     p("release", n); sem.release()
cosm::Coro<void> semWorker(cosm::Semaphore S, int N, int Hold) {
  return lambda_coro("worker", [S, N, Hold, I = 0, A = cosm::Coro<bool>(),
                                C = cosm::Coro<void>()](auto &F) mutable {
    switch (F.state) {
    case 1:
      goto resume_1;
    case 2:
      goto resume_2;
    }
    p("acquire " + num(N));
    AWAIT_CORO(F, 1, A, S.acquire());
    A.take_result();
    p("got " + num(N) + " " + num(S.value()));
    for (I = 0; I < Hold; ++I) {
      AWAIT_CORO(F, 2, C, cosm::sleep(0));
      C.take_result();
    }
    p("release " + num(N));
    S.release();
    return F.finish();
  });
}

// sem = Semaphore(2); await sem.acquire(); await sem.acquire()
// p("two fast acquires", sem.locked())
// ts = [create_task(worker(sem, i, 1)) for i in range(3)]; await sleep(0)
// p("release main"); sem.release(); sem.release()
// await gather(*ts, worker(sem, 9, 0)); p("done", sem._value, sem.locked())
// BoundedSemaphore(1).release() -> ValueError; Semaphore(-1) -> ValueError
TEST_F(SemCond, SemaphoreFastPathsWakeOrderAndNoBarging) {
  using V = std::vector<std::monostate>;
  cosm::run(lambda_coro("main", [S = cosm::Semaphore(2),
                                 Ts = std::vector<cosm::Task<void>>(),
                                 A = cosm::Coro<bool>(), C = cosm::Coro<void>(),
                                 G = cosm::Coro<V>()](auto &F) mutable {
    switch (F.state) {
    case 1:
      goto resume_1;
    case 2:
      goto resume_2;
    case 3:
      goto resume_3;
    case 4:
      goto resume_4;
    }
    AWAIT_CORO(F, 1, A, S.acquire());
    A.take_result();
    AWAIT_CORO(F, 2, A, S.acquire());
    A.take_result();
    p("two fast acquires " + str(S.locked()));
    for (int I = 0; I < 3; ++I)
      Ts.push_back(cosm::create_task(semWorker(S, I, 1)));
    AWAIT_CORO(F, 3, C, cosm::sleep(0));
    C.take_result();
    p("release main");
    S.release();
    S.release();
    Ts.push_back(cosm::create_task(semWorker(S, 9, 0)));
    AWAIT_CORO(F, 4, G, cosm::gather(Ts));
    G.take_result();
    p("done " + num(S.value()) + " " + str(S.locked()));
    try {
      cosm::BoundedSemaphore B(1);
      B.release();
    } catch (const cosm::ValueError &E) {
      p(std::string("ValueError ") + E.what());
    }
    try {
      cosm::Semaphore Bad(-1);
    } catch (const cosm::ValueError &E) {
      p(std::string("ValueError ") + E.what());
    }
    return F.finish();
  }));
  EXPECT_EQ(out(),
            (std::vector<std::string>{
                "two fast acquires True @ 1", "acquire 0 @ 2", "acquire 1 @ 2",
                "acquire 2 @ 2", "release main @ 2", "got 0 0 @ 3",
                "got 1 0 @ 3", "acquire 9 @ 3", "release 0 @ 4",
                "release 1 @ 4", "got 2 0 @ 5", "got 9 0 @ 5", "release 9 @ 5",
                "release 2 @ 6", "done 2 False @ 8",
                "ValueError BoundedSemaphore released too many times @ 8",
                "ValueError Semaphore initial value must be >= 0 @ 8"}));
}

// async def acq(sem, n):
//     try: await sem.acquire(); p("got", n)
//     except CancelledError: p("cancelled", n, sem._value); raise
cosm::Coro<void> semAcq(cosm::Semaphore S, int N) {
  return lambda_coro("acq", [S, N, A = cosm::Coro<bool>()](
                                auto &F) mutable -> cosm::Step {
    try {
      switch (F.state) {
      case 1:
        goto resume_1;
      }
      AWAIT_CORO(F, 1, A, S.acquire());
      A.take_result();
      p("got " + num(N));
    } catch (const cosm::CancelledError &) {
      p("cancelled " + num(N) + " " + num(S.value()));
      throw;
    }
    return F.finish();
  });
}

// sem = Semaphore(0); t1, t2, t3 = tasks of acq(sem, 1..3); await sleep(0)
// t3.cancel(); sem.release(); t1.cancel()
// p("release, cancel t1 t3", sem._value, sem.locked())
// (a woken waiter that is cancelled passes its unit on to the next one)
TEST_F(SemCond, SemaphoreWaiterCancelledWhileBlockedOrAfterWakeUp) {
  cosm::run(lambda_coro("main", [S = cosm::Semaphore(0),
                                 T = std::vector<cosm::Task<void>>(),
                                 C = cosm::Coro<void>(), I = 0](
                                    auto &F) mutable {
    switch (F.state) {
    case 1:
      goto resume_1;
    case 2:
      goto resume_2;
    }
    for (int K = 1; K <= 3; ++K)
      T.push_back(cosm::create_task(semAcq(S, K)));
    AWAIT_CORO(F, 1, C, cosm::sleep(0));
    C.take_result();
    T[2].cancel();
    S.release();
    T[0].cancel();
    p("release, cancel t1 t3 " + num(S.value()) + " " + str(S.locked()));
    for (I = 0; I < 3; ++I) {
      AWAIT(F, 2, T[I]);
    }
    p("results " + str(T[0].cancelled()) + " " + str(T[1].cancelled()) + " " +
      str(T[2].cancelled()) + " " + num(S.value()));
    return F.finish();
  }));
  EXPECT_EQ(out(), (std::vector<std::string>{
                       "release, cancel t1 t3 0 True @ 2", "cancelled 3 0 @ 3",
                       "cancelled 1 0 @ 3", "got 2 @ 4",
                       "results True False True 0 @ 4"}));
}

int CondN = 0;

// async def waiter(c, n):
//     await c.acquire(); p("wait", n); r = await c.wait()
//     p("woke", n, r, c.locked()); c.release()
cosm::Coro<void> condWaiter(cosm::Condition Cd, int N) {
  return lambda_coro("waiter", [Cd, N, A = cosm::Coro<bool>()](
                                   auto &F) mutable {
    switch (F.state) {
    case 1:
      goto resume_1;
    case 2:
      goto resume_2;
    }
    AWAIT_CORO(F, 1, A, Cd.acquire());
    A.take_result();
    p("wait " + num(N));
    AWAIT_CORO(F, 2, A, Cd.wait());
    {
      bool R = A.take_result();
      p("woke " + num(N) + " " + str(R) + " " + str(Cd.locked()));
    }
    Cd.release();
    return F.finish();
  });
}

// async def pred_waiter(c):
//     await c.acquire(); r = await c.wait_for(lambda: state["n"] >= 2)
//     p("predicate true", r, state["n"]); c.release()
cosm::Coro<void> predWaiter(cosm::Condition Cd) {
  return lambda_coro("pred_waiter", [Cd, A = cosm::Coro<bool>()](
                                        auto &F) mutable {
    switch (F.state) {
    case 1:
      goto resume_1;
    case 2:
      goto resume_2;
    }
    AWAIT_CORO(F, 1, A, Cd.acquire());
    A.take_result();
    AWAIT_CORO(F, 2, A, Cd.wait_for([] { return CondN >= 2; }));
    p("predicate true " + str(A.take_result()) + " " + num(CondN));
    Cd.release();
    return F.finish();
  });
}

// c = Condition(); await c.wait() -> RuntimeError; c.notify() -> RuntimeError
// ts = [create_task(waiter(c, i)) for i in range(3)]
// pw = create_task(pred_waiter(c)); await sleep(0)
// await c.acquire(); p("notify 2"); c.notify(2); state["n"] = 1
// c.notify_all(); await sleep(0); p("still holding"); c.release()
// await sleep(0); await c.acquire(); state["n"] = 2; c.notify_all()
// c.release(); await gather(*ts, pw)
// await c.acquire(); r = await c.wait_for(lambda: 7)
// p("wait_for on a true predicate costs nothing", r); c.release()
TEST_F(SemCond, ConditionNotifyOrderAndWaitFor) {
  CondN = 0;
  using V = std::vector<std::monostate>;
  cosm::run(lambda_coro("main", [Cd = cosm::Condition(),
                                 Ts = std::vector<cosm::Task<void>>(),
                                 A = cosm::Coro<bool>(), C = cosm::Coro<void>(),
                                 W = cosm::Coro<int>(),
                                 G = cosm::Coro<V>()](auto &F) mutable {
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
    case 6:
      goto resume_6;
    case 7:
      goto resume_7;
    case 8:
      goto resume_8;
    case 9:
      goto resume_9;
    }
    AWAIT_CORO(F, 1, A, Cd.wait());
    try {
      A.take_result();
    } catch (const cosm::RuntimeError &E) {
      p(std::string("RuntimeError ") + E.what());
    }
    try {
      Cd.notify();
    } catch (const cosm::RuntimeError &E) {
      p(std::string("RuntimeError ") + E.what());
    }
    for (int I = 0; I < 3; ++I)
      Ts.push_back(cosm::create_task(condWaiter(Cd, I)));
    Ts.push_back(cosm::create_task(predWaiter(Cd)));
    AWAIT_CORO(F, 2, C, cosm::sleep(0));
    C.take_result();
    AWAIT_CORO(F, 3, A, Cd.acquire());
    A.take_result();
    p("notify 2");
    Cd.notify(2);
    CondN = 1;
    Cd.notify_all();
    AWAIT_CORO(F, 4, C, cosm::sleep(0));
    C.take_result();
    p("still holding");
    Cd.release();
    AWAIT_CORO(F, 5, C, cosm::sleep(0));
    C.take_result();
    AWAIT_CORO(F, 6, A, Cd.acquire());
    A.take_result();
    CondN = 2;
    Cd.notify_all();
    Cd.release();
    AWAIT_CORO(F, 7, G, cosm::gather(Ts));
    G.take_result();
    AWAIT_CORO(F, 8, A, Cd.acquire());
    A.take_result();
    AWAIT_CORO(F, 9, W, Cd.wait_for([] { return 7; }));
    p("wait_for on a true predicate costs nothing " + num(W.take_result()));
    Cd.release();
    return F.finish();
  }));
  EXPECT_EQ(out(), (std::vector<std::string>{
                       "RuntimeError cannot wait on un-acquired lock @ 1",
                       "RuntimeError cannot notify on un-acquired lock @ 1",
                       "wait 0 @ 2", "wait 1 @ 2", "wait 2 @ 2", "notify 2 @ 2",
                       "still holding @ 3", "woke 0 True True @ 4",
                       "woke 1 True True @ 5", "woke 2 True True @ 6",
                       "predicate true True 2 @ 9",
                       "wait_for on a true predicate costs nothing 7 @ 11"}));
}

// async def waiter(c):
//     await c.acquire()
//     try: await c.wait()
//     except CancelledError: p("cancelled, lock held", c.locked()); c.release(); raise
cosm::Coro<void> condCancelWaiter(cosm::Condition Cd) {
  return lambda_coro("waiter", [Cd, A = cosm::Coro<bool>()](
                                   auto &F) mutable -> cosm::Step {
    switch (F.state) {
    case 1:
      goto resume_1;
    case 2:
      goto resume_2;
    }
    AWAIT_CORO(F, 1, A, Cd.acquire());
    A.take_result();
    AWAIT_CORO(F, 2, A, Cd.wait());
    try {
      A.take_result();
    } catch (const cosm::CancelledError &) {
      p("cancelled, lock held " + str(Cd.locked()));
      Cd.release();
      throw;
    }
    return F.finish();
  });
}

// t = create_task(waiter(c)); await sleep(0); await c.acquire(); t.cancel()
// p("cancel while main holds the lock"); await sleep(0); await sleep(0)
// p("release"); c.release(); await t -> p("t cancelled", t.cancelled())
// t = create_task(waiter(c)); await sleep(0); await c.acquire(); c.notify()
// await sleep(0); t.cancel(); p("cancel while reacquiring"); c.release()
// await t -> p("t cancelled", t.cancelled())
TEST_F(SemCond, ConditionWaitCancelledTakesTheLockBackFirst) {
  cosm::run(lambda_coro("main", [Cd = cosm::Condition(), T = cosm::Task<void>(),
                                 A = cosm::Coro<bool>(),
                                 C = cosm::Coro<void>()](
                                    auto &F) mutable -> cosm::Step {
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
    case 6:
      goto resume_6;
    case 7:
      goto resume_7;
    case 8:
      goto resume_8;
    case 9:
      goto resume_9;
    }
    T = cosm::create_task(condCancelWaiter(Cd));
    AWAIT_CORO(F, 1, C, cosm::sleep(0));
    C.take_result();
    AWAIT_CORO(F, 2, A, Cd.acquire());
    A.take_result();
    T.cancel();
    p("cancel while main holds the lock");
    AWAIT_CORO(F, 3, C, cosm::sleep(0));
    C.take_result();
    AWAIT_CORO(F, 4, C, cosm::sleep(0));
    C.take_result();
    p("release");
    Cd.release();
    AWAIT(F, 5, T);
    try {
      T.result();
    } catch (const cosm::CancelledError &) {
      p("t cancelled " + str(T.cancelled()));
    }
    T = cosm::create_task(condCancelWaiter(Cd));
    AWAIT_CORO(F, 6, C, cosm::sleep(0));
    C.take_result();
    AWAIT_CORO(F, 7, A, Cd.acquire());
    A.take_result();
    Cd.notify();
    AWAIT_CORO(F, 8, C, cosm::sleep(0));
    C.take_result();
    T.cancel();
    p("cancel while reacquiring");
    Cd.release();
    AWAIT(F, 9, T);
    try {
      T.result();
    } catch (const cosm::CancelledError &) {
      p("t cancelled " + str(T.cancelled()));
    }
    return F.finish();
  }));
  EXPECT_EQ(out(), (std::vector<std::string>{
                       "cancel while main holds the lock @ 2", "release @ 4",
                       "cancelled, lock held True @ 5", "t cancelled True @ 6",
                       "cancel while reacquiring @ 8",
                       "cancelled, lock held True @ 9",
                       "t cancelled True @ 10"}));
}

TEST_F(SemCond, SharedLockAndLoopBinding) {
  cosm::Lock L;
  cosm::Condition Cd(L);
  EXPECT_FALSE(Cd.locked());
  cosm::Loop Lp;
  EXPECT_TRUE(Lp.run_until_complete(Cd.acquire()));
  EXPECT_TRUE(L.locked());
  L.release();
  EXPECT_FALSE(Cd.locked());
  cosm::Semaphore S(0);
  cosm::Loop A;
  auto T = A.create_task(S.acquire());
  A.call_soon([S] { S.release(); });
  EXPECT_TRUE(A.run_until_complete(T));
  cosm::Loop B;
  auto T2 = B.create_task(S.acquire());
  EXPECT_THROW(B.run_until_complete(T2), cosm::RuntimeError);
}

} // namespace
