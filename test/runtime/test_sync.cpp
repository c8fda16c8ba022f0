//===- test_sync.cpp - Event, Lock, Queue (rule 12) -----------------------===//
///
/// \file
/// The fast paths that never yield, first-come-first-served wake-ups, and
/// no barging. Expected lines come from the asyncio twin of each test, with
/// _run_once counted.
///
//===----------------------------------------------------------------------===//
#include "test_frames.hpp"

using namespace cosm_test;

namespace {

struct Sync : ::testing::Test, Fixture {};

std::string str(bool B) { return B ? "True" : "False"; }

// async def waiter(ev, n): p("wait", n); await ev.wait(); p("woke", n)
cosm::Coro<void> waiter(cosm::Event Ev, int N) {
  return lambda_coro("waiter",
                     [Ev, N, C = cosm::Coro<bool>()](auto &F) mutable {
                       switch (F.state) {
                       case 1:
                         goto resume_1;
                       }
                       p("wait " + std::to_string(N));
                       AWAIT_CORO(F, 1, C, Ev.wait());
                       C.take_result();
                       p("woke " + std::to_string(N));
                       return F.finish();
                     });
}

TEST_F(Sync, EventWakesAllWaitersInOrderAndASetEventCostsNothing) {
  using V = std::vector<std::monostate>;
  cosm::run(lambda_coro("main", [Ev = cosm::Event(),
                                 Ts = std::vector<cosm::Task<void>>(),
                                 C = cosm::Coro<void>(), W = cosm::Coro<bool>(),
                                 G = cosm::Coro<V>()](auto &F) mutable {
    switch (F.state) {
    case 1:
      goto resume_1;
    case 2:
      goto resume_2;
    case 3:
      goto resume_3;
    }
    for (int I = 0; I < 3; ++I)
      Ts.push_back(cosm::create_task(waiter(Ev, I)));
    AWAIT_CORO(F, 1, C, cosm::sleep(0));
    C.take_result();
    p("set");
    Ev.set();
    AWAIT_CORO(F, 2, W, Ev.wait());
    W.take_result();
    p("wait on set event costs nothing");
    AWAIT_CORO(F, 3, G, cosm::gather(Ts));
    G.take_result();
    p("all woke");
    return F.finish();
  }));
  EXPECT_EQ(out(), (std::vector<std::string>{
                       "wait 0 @ 2", "wait 1 @ 2", "wait 2 @ 2", "set @ 2",
                       "wait on set event costs nothing @ 2", "woke 0 @ 3",
                       "woke 1 @ 3", "woke 2 @ 3", "all woke @ 5"}));
}

// async def locker(lock, n, hold):
//     p("acquire", n); await lock.acquire(); p("got", n)
//     for _ in range(hold): await asyncio.sleep(0)
//     p("release", n); lock.release()
cosm::Coro<void> locker(cosm::Lock L, int N, int Hold) {
  return lambda_coro("locker", [L, N, Hold, I = 0, A = cosm::Coro<bool>(),
                                C = cosm::Coro<void>()](auto &F) mutable {
    switch (F.state) {
    case 1:
      goto resume_1;
    case 2:
      goto resume_2;
    }
    p("acquire " + std::to_string(N));
    AWAIT_CORO(F, 1, A, L.acquire());
    A.take_result();
    p("got " + std::to_string(N));
    for (I = 0; I < Hold; ++I) {
      AWAIT_CORO(F, 2, C, cosm::sleep(0));
      C.take_result();
    }
    p("release " + std::to_string(N));
    L.release();
    return F.finish();
  });
}

TEST_F(Sync, LockIsFirstComeFirstServedWithoutBarging) {
  using R = std::tuple<std::monostate, std::monostate, std::monostate>;
  cosm::run(lambda_coro("main", [L = cosm::Lock(), T0 = cosm::Task<void>(),
                                 T1 = cosm::Task<void>(),
                                 A = cosm::Coro<bool>(), C = cosm::Coro<void>(),
                                 G = cosm::Coro<R>()](auto &F) mutable {
    switch (F.state) {
    case 1:
      goto resume_1;
    case 2:
      goto resume_2;
    case 3:
      goto resume_3;
    }
    AWAIT_CORO(F, 1, A, L.acquire());
    A.take_result();
    p("uncontended acquire costs nothing " + str(L.locked()));
    T0 = cosm::create_task(locker(L, 0, 1));
    T1 = cosm::create_task(locker(L, 1, 1));
    AWAIT_CORO(F, 2, C, cosm::sleep(0));
    C.take_result();
    p("release main");
    L.release();
    // A newcomer: the lock looks free, but waiters are queued.
    AWAIT_CORO(F, 3, G, cosm::gather(T0, T1, locker(L, 9, 0)));
    G.take_result();
    p("done");
    try {
      L.release();
    } catch (const cosm::RuntimeError &E) {
      p(std::string("RuntimeError ") + E.what());
    }
    return F.finish();
  }));
  EXPECT_EQ(out(),
            (std::vector<std::string>{
                "uncontended acquire costs nothing True @ 1", "acquire 0 @ 2",
                "acquire 1 @ 2", "release main @ 2", "got 0 @ 3",
                "acquire 9 @ 3", "release 0 @ 4", "got 1 @ 5", "release 1 @ 6",
                "got 9 @ 7", "release 9 @ 7", "done @ 9",
                "RuntimeError Lock is not acquired. @ 9"}));
}

// async def consumer(q, n):
//     while True:
//         item = await q.get(); p("consumer", n, "got", item); q.task_done()
//         if item is None: return
cosm::Coro<void> consumer(cosm::Queue<int> Q, int N) {
  return lambda_coro(
      "consumer", [Q, N, G = cosm::Coro<int>()](auto &F) mutable {
        switch (F.state) {
        case 1:
          goto resume_1;
        }
        for (;;) {
          AWAIT_CORO(F, 1, G, Q.get());
          {
            int Item = G.take_result();
            p("consumer " + std::to_string(N) + " got " +
              (Item < 0 ? std::string("None") : std::to_string(Item)));
            Q.task_done();
            if (Item < 0)
              return F.finish();
          }
        }
      });
}

TEST_F(Sync, QueueFastPathsAndWaitingPutsAndGets) {
  cosm::run(lambda_coro(
      "main", [Q = cosm::Queue<int>(2), Con = cosm::Task<void>(),
               P = cosm::Coro<void>(), G = cosm::Coro<int>()](auto &F) mutable {
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
        }
        AWAIT_CORO(F, 1, P, Q.put(1));
        P.take_result();
        AWAIT_CORO(F, 2, P, Q.put(2));
        P.take_result();
        p("puts while not full cost nothing " + std::to_string(Q.qsize()) +
          " " + str(Q.full()));
        AWAIT_CORO(F, 3, G, Q.get());
        Q.task_done();
        p("get while not empty costs nothing " +
          std::to_string(G.take_result()));
        Con = cosm::create_task(consumer(Q, 0));
        AWAIT_CORO(F, 4, P, Q.put(3));
        P.take_result();
        p("put 3");
        AWAIT_CORO(F, 5, P, Q.put(4));
        P.take_result();
        p("put 4 (waited for room)");
        AWAIT_CORO(F, 6, P, Q.put(-1));
        P.take_result();
        p("put None");
        AWAIT_CORO(F, 7, P, Q.join());
        P.take_result();
        p("joined");
        AWAIT(F, 8, Con);
        Con.result();
        try {
          Q.get_nowait();
        } catch (const cosm::QueueEmpty &) {
          p("QueueEmpty");
        }
        return F.finish();
      }));
  EXPECT_EQ(out(), (std::vector<std::string>{
                       "puts while not full cost nothing 2 True @ 1",
                       "get while not empty costs nothing 1 @ 1", "put 3 @ 1",
                       "consumer 0 got 2 @ 2", "consumer 0 got 3 @ 2",
                       "put 4 (waited for room) @ 3", "put None @ 3",
                       "consumer 0 got 4 @ 4", "consumer 0 got None @ 4",
                       "joined @ 5", "QueueEmpty @ 5"}));
}

// async def getter_c(q):
//     try: await q.get()
//     except asyncio.CancelledError: p("getter cancelled"); raise
cosm::Coro<void> getter_c(cosm::Queue<int> Q) {
  return lambda_coro("getter_c",
                     [Q, G = cosm::Coro<int>()](auto &F) mutable -> cosm::Step {
                       try {
                         switch (F.state) {
                         case 1:
                           goto resume_1;
                         }
                         AWAIT_CORO(F, 1, G, Q.get());
                         G.take_result();
                       } catch (const cosm::CancelledError &) {
                         p("getter cancelled");
                         throw;
                       }
                       return F.finish();
                     });
}

// A getter cancelled after it was woken for an item passes the wake-up on.
TEST_F(Sync, ACancelledWokenGetterWakesTheNextOne) {
  cosm::run(
      lambda_coro("main", [Q = cosm::Queue<int>(), G1 = cosm::Task<void>(),
                           G2 = cosm::Task<void>(),
                           C = cosm::Coro<void>()](auto &F) mutable {
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
        G1 = cosm::create_task(getter_c(Q));
        G2 = cosm::create_task(consumer(Q, 2));
        AWAIT_CORO(F, 1, C, cosm::sleep(0));
        C.take_result();
        Q.put_nowait(120);
        G1.cancel();
        p("put x, cancel g1");
        AWAIT_CORO(F, 2, C, cosm::sleep(0));
        C.take_result();
        AWAIT_CORO(F, 3, C, cosm::sleep(0));
        C.take_result();
        Q.put_nowait(-1);
        AWAIT(F, 4, G2);
        G2.result();
        return F.finish();
      }));
  EXPECT_EQ(out(), (std::vector<std::string>{
                       "put x, cancel g1 @ 2", "getter cancelled @ 3",
                       "consumer 2 got 120 @ 4", "consumer 2 got None @ 5"}));
}

TEST_F(Sync, QueueErrors) {
  cosm::Queue<std::string> Q(1);
  EXPECT_THROW(Q.get_nowait(), cosm::QueueEmpty);
  Q.put_nowait("a");
  EXPECT_THROW(Q.put_nowait("b"), cosm::QueueFull);
  EXPECT_EQ(Q.get_nowait(), "a");
  Q.task_done();
  EXPECT_THROW(Q.task_done(), cosm::ValueError);
  EXPECT_EQ(Q.maxsize(), 1);
}

TEST_F(Sync, ObjectsStayBoundToTheirFirstLoop) {
  cosm::Event Ev;
  cosm::Loop A;
  auto T = A.create_task(Ev.wait());
  A.call_soon([Ev] { Ev.set(); });
  EXPECT_TRUE(A.run_until_complete(T));
  Ev.clear();
  cosm::Loop B;
  EXPECT_THROW(B.run_until_complete(Ev.wait()), cosm::RuntimeError);
}

} // namespace
