//===- test_barrier.cpp - cosm::Barrier, PriorityQueue, LifoQueue ---------===//
///
/// \file
/// Barrier.wait's indexes and passes (including a task cancelled while it
/// waits), reset/abort, Barrier(0); PriorityQueue's heapq order and
/// LifoQueue's. Expected lines come from the asyncio twin quoted with each
/// test (its _run_once calls counted).
///
//===----------------------------------------------------------------------===//
#include "test_frames.hpp"

using namespace cosm_test;

namespace {

struct BarrierTest : ::testing::Test, Fixture {};
using Lines = std::vector<std::string>;

// async def worker(b, name): i = await b.wait(); p(name, i)
cosm::Coro<void> worker(cosm::Barrier B, std::string Name) {
  return lambda_coro("worker",
                     [B, Name, C = cosm::Coro<int>()](auto &F) mutable {
                       switch (F.state) {
                       case 1:
                         goto resume_1;
                       }
                       AWAIT_CORO(F, 1, C, B.wait());
                       p(Name + " " + std::to_string(C.take_result()));
                       return F.finish();
                     });
}

// b = Barrier(2); t1, t2, t3 = tasks(worker(b, "a"), "b", "c")
// await sleep(0); p("n_waiting", b.n_waiting)
// await t1; await t2; p("n_waiting", b.n_waiting)
// t3.cancel()
// try: await t3
// except CancelledError: p("c cancelled", b.n_waiting)
// t4, t5 = tasks(worker(b, "d"), worker(b, "e")); await t4; await t5
// p("end", b.n_waiting)
TEST_F(BarrierTest, IndexesAndPassesAsAsyncio) {
  cosm::Barrier B(2);
  cosm::run(lambda_coro("main", [B, T = std::vector<cosm::Task<void>>(),
                                 I = std::size_t(0),
                                 S = cosm::Coro<void>()](auto &F) mutable {
    switch (F.state) {
    case 1:
      goto resume_1;
    case 2:
      goto resume_2;
    case 3:
      goto try_3;
    case 4:
      goto resume_4;
    }
    T.push_back(cosm::create_task(worker(B, "a")));
    T.push_back(cosm::create_task(worker(B, "b")));
    T.push_back(cosm::create_task(worker(B, "c")));
    AWAIT_CORO(F, 1, S, cosm::sleep(0));
    S.take_result();
    p("n_waiting " + std::to_string(B.n_waiting()));
    for (I = 0; I < 2; ++I) {
      AWAIT(F, 2, T[I]);
      T[I].result();
    }
    p("n_waiting " + std::to_string(B.n_waiting()));
    T[2].cancel();
  try_3:
    try {
      switch (F.state) {
      case 3:
        goto resume_3;
      }
      AWAIT(F, 3, T[2]);
      T[2].result();
    } catch (const cosm::CancelledError &) {
      p("c cancelled " + std::to_string(B.n_waiting()));
    }
    T.push_back(cosm::create_task(worker(B, "d")));
    T.push_back(cosm::create_task(worker(B, "e")));
    for (I = 3; I < 5; ++I) {
      AWAIT(F, 4, T[I]);
      T[I].result();
    }
    p("end " + std::to_string(B.n_waiting()));
    return F.finish();
  }));
  EXPECT_EQ(out(),
            (Lines{"b 1 @ 2", "n_waiting 0 @ 2", "a 0 @ 3", "n_waiting 1 @ 4",
                   "c cancelled 0 @ 6", "e 1 @ 7", "d 0 @ 8", "end 0 @ 9"}));
}

TEST_F(BarrierTest, ZeroPartiesIsAValueError) {
  try {
    cosm::Barrier B(0);
    FAIL() << "no ValueError";
  } catch (const cosm::ValueError &E) {
    EXPECT_STREQ(E.what(), "parties must be > 0");
  }
  EXPECT_THROW(cosm::Barrier(-3), cosm::ValueError);
}

// b = Barrier(2); await b.abort(); await b.wait() -> BrokenBarrierError
TEST_F(BarrierTest, AbortBreaksLaterWaits) {
  cosm::Loop L;
  cosm::Barrier B(2);
  L.run_until_complete(B.abort());
  EXPECT_TRUE(B.broken());
  EXPECT_EQ(B.state_text(), "broken");
  try {
    L.run_until_complete(B.wait());
    FAIL() << "no BrokenBarrierError";
  } catch (const cosm::BrokenBarrierError &E) {
    EXPECT_STREQ(E.what(), "Barrier aborted");
  }
  L.run_until_complete(B.reset());
  EXPECT_FALSE(B.broken());
  EXPECT_EQ(B.state_text(), "filling, waiters:0/2");
}

// q = PriorityQueue(); for p in [5, 1, 4, 1, 3, 0, 2]: q.put_nowait(p)
// [q.get_nowait() for _ in range(7)] -> [0, 1, 1, 2, 3, 4, 5]
TEST(Queues, PriorityAndLifoOrder) {
  cosm::PriorityQueue<int> Q;
  for (int P : {5, 1, 4, 1, 3, 0, 2})
    Q.put_nowait(P);
  std::vector<int> Got;
  while (!Q.empty())
    Got.push_back(Q.get_nowait());
  EXPECT_EQ(Got, (std::vector<int>{0, 1, 1, 2, 3, 4, 5}));
  EXPECT_THROW(Q.get_nowait(), cosm::QueueEmpty);

  cosm::LifoQueue<int> L(2);
  L.put_nowait(1);
  L.put_nowait(2);
  EXPECT_TRUE(L.full());
  EXPECT_THROW(L.put_nowait(3), cosm::QueueFull);
  EXPECT_EQ(L.get_nowait(), 2);
  EXPECT_EQ(L.get_nowait(), 1);
}

// Ties come out in heapq's order (items compare by priority only):
// for i, p in enumerate([1, 1, 0, 1, 2, 1, 0, 1]): pq.put_nowait(Job(p, i))
// -> 0j2 0j6 1j0 1j5 1j7 1j1 1j3 2j4
TEST(Queues, PriorityTiesInHeapqOrder) {
  struct Job {
    int Priority, Id;
    bool operator<(const Job &O) const { return Priority < O.Priority; }
  };
  cosm::PriorityQueue<Job> Q;
  int Ps[] = {1, 1, 0, 1, 2, 1, 0, 1};
  for (int I = 0; I < 8; ++I)
    Q.put_nowait(Job{Ps[I], I});
  std::string Got;
  while (!Q.empty()) {
    Job J = Q.get_nowait();
    Got += std::to_string(J.Priority) + "j" + std::to_string(J.Id) + " ";
  }
  EXPECT_EQ(Got, "0j2 0j6 1j0 1j5 1j7 1j1 1j3 2j4 ");
}

// Queue(maxsize=-1) is unbounded (asyncio does not validate maxsize).
TEST(Queues, NegativeMaxsizeIsUnbounded) {
  cosm::Queue<int> Q(-1);
  for (int I = 0; I < 100; ++I)
    Q.put_nowait(I);
  EXPECT_FALSE(Q.full());
  EXPECT_EQ(Q.maxsize(), -1);
  EXPECT_EQ(Q.qsize(), 100u);
}

} // namespace
