//===- executor.cpp - The default executor --------------------------------===//
#include "executor.hpp"

#include <algorithm>

namespace cosm::detail {

Executor::Executor()
    : MaxWorkers(std::min(32u, std::max(1u, std::thread::hardware_concurrency()) + 4)) {}

void Executor::submit(std::unique_ptr<ThreadCallback> Job) {
  std::lock_guard<std::mutex> G(M);
  if (Stopping)
    throw RuntimeError("cannot schedule new futures after shutdown");
  Jobs.push_back(std::move(Job));
  // Enough idle workers for every queued job: wake one; else start one.
  if (Idle >= Jobs.size() || Workers.size() >= MaxWorkers)
    Cv.notify_one();
  else
    Workers.emplace_back([this] { work(); });
}

void Executor::work() {
  std::unique_lock<std::mutex> L(M);
  for (;;) {
    if (Jobs.empty()) {
      if (Stopping)
        return;
      ++Idle;
      Cv.wait(L, [this] { return !Jobs.empty() || Stopping; });
      --Idle;
      if (Jobs.empty())
        return;
    }
    std::unique_ptr<ThreadCallback> Job = std::move(Jobs.front());
    Jobs.pop_front();
    L.unlock();
    Job->run();
    Job.reset();
    L.lock();
  }
}

void Executor::shutdown() {
  std::vector<std::thread> Ws;
  std::deque<std::unique_ptr<ThreadCallback>> Dropped;
  {
    std::lock_guard<std::mutex> G(M);
    Stopping = true;
    Dropped.swap(Jobs);
    Ws.swap(Workers);
    Cv.notify_all();
  }
  for (std::thread &W : Ws)
    W.join();
  Dropped.clear();
}

} // namespace cosm::detail
