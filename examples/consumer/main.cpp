// A COSM_ASYNC program built with cosm_lower(): it starts WorkerCount tasks
// (workers.hpp), each sleeping a little and printing, then awaits them in
// order and prints the sum of their results.
#include "workers.hpp"

#include <cosm/cosm.hpp>
#include <cstdio>
#include <vector>

COSM_ASYNC cosm::Coro<int> worker(int Id) {
  cosm::await(cosm::sleep(0.001 * (consumer::WorkerCount - Id)));
  std::printf("worker %d done\n", Id);
  return consumer::workResult(Id);
}

COSM_ASYNC cosm::Coro<void> amain() {
  std::vector<cosm::Task<int>> Tasks;
  for (int Id = 0; Id < consumer::WorkerCount; ++Id)
    Tasks.push_back(cosm::create_task(worker(Id)));
  int Sum = 0;
  for (cosm::Task<int> &Task : Tasks)
    Sum += cosm::await(Task);
  std::printf("%d workers, sum of results %d\n", consumer::WorkerCount, Sum);
}

int main() {
  cosm::run(amain());
  return 0;
}
