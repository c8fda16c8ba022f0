// Semaphore-limited workers, a bounded queue between a producer and two
// consumers, a Condition with wait_for, and a waiter cancelled while blocked
// on a Condition (it takes the lock back before its handler runs).
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/sync-primitives.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>
#include <vector>

COSM_ASYNC cosm::Coro<int> limited(cosm::Semaphore sem, int id) {
  std::printf("worker %d wants a slot (locked=%d)\n", id, (int)sem.locked());
  cosm::await(sem.acquire());
  std::printf("worker %d running\n", id);
  cosm::await(cosm::sleep(0));
  std::printf("worker %d done\n", id);
  sem.release();
  return id * 10;
}

COSM_ASYNC cosm::Coro<void> producer(cosm::Queue<int> q, int n) {
  for (int i = 0; i < n; ++i) {
    cosm::await(q.put(i));
    std::printf("put %d (size %d full=%d)\n", i, (int)q.qsize(), (int)q.full());
  }
  cosm::await(q.put(-1));
  cosm::await(q.put(-1));
  std::puts("producer done");
}

COSM_ASYNC cosm::Coro<int> consumer(cosm::Queue<int> q, int id) {
  int total = 0;
  for (;;) {
    int item = cosm::await(q.get());
    q.task_done();
    if (item < 0)
      break;
    std::printf("consumer %d got %d\n", id, item);
    total += item;
    cosm::await(cosm::sleep(0));
  }
  return total;
}

COSM_ASYNC cosm::Coro<void> cond_waiter(cosm::Condition cond, int *ready, int id) {
  cosm::await(cond.acquire());
  int seen = cosm::await(cond.wait_for([ready] { return *ready; }));
  std::printf("cond waiter %d sees %d\n", id, seen);
  cond.release();
}

COSM_ASYNC cosm::Coro<void> stuck(cosm::Condition cond) {
  cosm::await(cond.acquire());
  try {
    cosm::await(cond.wait());
  } catch (const cosm::CancelledError &) {
    std::printf("stuck cancelled, lock held=%d\n", (int)cond.locked());
    cond.release();
    throw;
  }
}

COSM_ASYNC cosm::Coro<void> main_() {
  cosm::Semaphore sem(2);
  std::vector<cosm::Task<int>> ws;
  for (int i = 0; i < 4; ++i)
    ws.push_back(cosm::create_task(limited(sem, i)));
  auto rs = cosm::await(cosm::gather(ws));
  std::printf("workers %d %d %d %d\n", rs[0], rs[1], rs[2], rs[3]);

  cosm::Queue<int> q(2);
  auto c1 = cosm::create_task(consumer(q, 1));
  auto c2 = cosm::create_task(consumer(q, 2));
  cosm::await(producer(q, 5));
  cosm::await(q.join());
  std::puts("joined");
  int t1 = cosm::await(c1);
  int t2 = cosm::await(c2);
  std::printf("totals %d\n", t1 + t2);

  cosm::Condition cond;
  int ready = 0;
  auto w1 = cosm::create_task(cond_waiter(cond, &ready, 1));
  auto w2 = cosm::create_task(cond_waiter(cond, &ready, 2));
  cosm::await(cosm::sleep(0));
  cosm::await(cond.acquire());
  cond.notify_all();
  cond.release();
  std::puts("notified with ready=0");
  cosm::await(cosm::sleep(0));
  cosm::await(cond.acquire());
  ready = 3;
  cond.notify(1);
  cond.release();
  std::puts("notified one with ready=3");
  cosm::await(w1);
  std::printf("w2 done=%d\n", (int)w2.done());
  cosm::await(cond.acquire());
  cond.notify(1);
  cond.release();
  cosm::await(w2);

  auto s = cosm::create_task(stuck(cond));
  cosm::await(cosm::sleep(0));
  cosm::await(cond.acquire());
  s.cancel();
  cosm::await(cosm::sleep(0));
  std::puts("main releases");
  cond.release();
  try {
    cosm::await(s);
  } catch (const cosm::CancelledError &) {
    std::printf("stuck task cancelled=%d\n", (int)s.cancelled());
  }
}

int main() { cosm::run(main_()); }
