//===- executor.hpp - The default executor ----------------------*- C++ -*-===//
///
/// \file
/// A small thread pool (asyncio's default ThreadPoolExecutor): a worker is
/// started for a job when no worker is idle, up to min(32, cores + 4).
/// Private to the runtime.
///
//===----------------------------------------------------------------------===//
#ifndef COSM_SRC_EXECUTOR_HPP
#define COSM_SRC_EXECUTOR_HPP

#include "cosm/loop.hpp"

#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace cosm::detail {

class Executor {
public:
  Executor();
  ~Executor() { shutdown(); }

  /// Queues a job; it runs on a worker thread.
  void submit(std::unique_ptr<ThreadCallback> Job);
  /// Waits for the running jobs and stops the workers; jobs not started are
  /// destroyed (on the calling thread) without running.
  void shutdown();

private:
  void work();

  std::mutex M;
  std::condition_variable Cv;
  std::deque<std::unique_ptr<ThreadCallback>> Jobs;
  std::vector<std::thread> Workers;
  unsigned Idle = 0;
  unsigned MaxWorkers;
  bool Stopping = false;
};

/// call_soon_threadsafe's queue: filled by any thread, drained by the loop.
struct ThreadsafeQueue {
  std::mutex M;
  std::vector<std::unique_ptr<ThreadCallback>> Items;
  bool Closed = false;
};

} // namespace cosm::detail

#endif // COSM_SRC_EXECUTOR_HPP
