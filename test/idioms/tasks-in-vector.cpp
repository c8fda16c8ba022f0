// Spawning tasks in a loop into a std::vector<cosm::Task<int>>, then awaiting
// each in a range-for (await in the body) and gathering a second batch.
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/tasks-in-vector.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>
#include <vector>

COSM_ASYNC cosm::Coro<int> work(int id, int rounds) {
  for (int i = 0; i < rounds; ++i) {
    cosm::await(cosm::sleep(0));
    std::printf("work %d round %d\n", id, i);
  }
  return id * 10;
}

COSM_ASYNC cosm::Coro<void> main_() {
  std::vector<cosm::Task<int>> tasks;
  for (int id = 1; id <= 3; ++id)
    tasks.push_back(cosm::create_task(work(id, 4 - id)));
  int total = 0;
  for (auto &t : tasks) {
    int r = cosm::await(t);
    total += r;
    std::printf("collected %d total %d\n", r, total);
  }
  std::vector<cosm::Coro<int>> batch;
  batch.push_back(work(7, 1));
  batch.push_back(work(8, 2));
  std::vector<int> rs = cosm::await(cosm::gather(std::move(batch)));
  std::printf("gathered %d %d\n", rs[0], rs[1]);
}

int main() { cosm::run(main_()); }
