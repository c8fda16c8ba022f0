// cosm::Barrier (wait's index, reset, abort, n_waiting, broken, its repr
// text, Barrier(0)), PriorityQueue (heapq's order, ties included),
// LifoQueue, and Queue with a negative maxsize, against asyncio 3.11.
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/barrier-queues.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>
#include <string>
#include <utility>

const char *py(bool b) { return b ? "True" : "False"; }

void state(const cosm::Barrier &b) {
  std::printf("parties=%d n_waiting=%d broken=%s [%s]\n", b.parties(),
              b.n_waiting(), py(b.broken()), b.state_text().c_str());
}

COSM_ASYNC cosm::Coro<void> worker(cosm::Barrier b, const char *name,
                                   int rounds) {
  for (int r = 0; r < rounds; ++r) {
    int i = cosm::await(b.wait());
    std::printf("%s round %d index %d\n", name, r, i);
  }
}

COSM_ASYNC cosm::Coro<void> waiter(cosm::Barrier b, const char *name) {
  try {
    int i = cosm::await(b.wait());
    std::printf("%s index %d\n", name, i);
  } catch (const cosm::BrokenBarrierError &e) {
    std::printf("%s BrokenBarrierError: %s\n", name, e.what());
  }
}

COSM_ASYNC cosm::Coro<void> getter(cosm::LifoQueue<int> q) {
  int v = cosm::await(q.get());
  std::printf("got %d\n", v);
}

struct Job {
  int priority;
  std::string name;
  bool operator<(const Job &o) const { return priority < o.priority; }
};

COSM_ASYNC cosm::Coro<void> main_() {
  cosm::Barrier b(3);
  state(b);
  cosm::await(cosm::gather(worker(b, "a", 2), worker(b, "b", 2),
                           worker(b, "c", 2)));
  state(b);

  cosm::Task<void> t = cosm::create_task(waiter(b, "w1"));
  cosm::await(cosm::sleep(0));
  std::printf("waiting: %d\n", b.n_waiting());
  state(b);
  cosm::await(b.reset());
  state(b);
  cosm::await(t);
  state(b);

  t = cosm::create_task(waiter(b, "w2"));
  cosm::await(cosm::sleep(0));
  cosm::await(b.abort());
  cosm::await(t);
  cosm::await(waiter(b, "w3"));
  state(b);

  try {
    cosm::Barrier zero(0);
  } catch (const cosm::ValueError &e) {
    std::printf("ValueError: %s\n", e.what());
  }

  cosm::PriorityQueue<std::pair<int, std::string>> pq;
  pq.put_nowait({3, "c"});
  pq.put_nowait({1, "a"});
  pq.put_nowait({2, "b"});
  pq.put_nowait({1, "a2"});
  pq.put_nowait({5, "e"});
  pq.put_nowait({0, "z"});
  std::string items;
  while (!pq.empty()) {
    std::pair<int, std::string> item = pq.get_nowait();
    items += (items.empty() ? "(" : ", (") + std::to_string(item.first) +
             ", '" + item.second + "')";
  }
  std::printf("priority: [%s]\n", items.c_str());
  cosm::PriorityQueue<Job> jobs;
  int priorities[] = {1, 1, 0, 1, 2, 1, 0, 1};
  for (int i = 0; i < 8; ++i)
    jobs.put_nowait(Job{priorities[i], "j" + std::to_string(i)});
  std::string ties;
  for (int i = 0; i < 8; ++i) {
    Job j = jobs.get_nowait();
    ties += (ties.empty() ? "" : " ") + std::to_string(j.priority) + j.name;
  }
  std::printf("ties: %s\n", ties.c_str());

  cosm::LifoQueue<int> lq(2);
  lq.put_nowait(1);
  lq.put_nowait(2);
  std::printf("full: %s\n", py(lq.full()));
  try {
    lq.put_nowait(3);
  } catch (const cosm::QueueFull &) {
    std::printf("QueueFull\n");
  }
  int first = lq.get_nowait();
  int second = lq.get_nowait();
  std::printf("lifo: %d %d\n", first, second);
  cosm::Task<void> g = cosm::create_task(getter(lq));
  cosm::await(cosm::sleep(0));
  cosm::await(lq.put(9));
  cosm::await(g);

  cosm::Queue<int> q(-1);
  for (int i = 0; i < 5; ++i)
    q.put_nowait(i);
  std::printf("negative maxsize: %d %s %zu\n", q.maxsize(), py(q.full()),
              q.qsize());
}

int main() { cosm::run(main_()); }
