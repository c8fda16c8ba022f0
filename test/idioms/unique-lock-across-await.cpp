// A std::unique_lock held across awaits in a loop (a guard whose ownership
// moves: unlock(), lock() again, std::move into another guard), left by break.
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/unique-lock-across-await.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>
#include <mutex>
#include <utility>

std::mutex mu_a, mu_b;

COSM_ASYNC cosm::Coro<int> hold(const char *who, std::mutex &m) {
  int rounds = 0;
  while (true) {
    std::unique_lock<std::mutex> lock(m);
    cosm::await(cosm::sleep(0));
    ++rounds;
    std::printf("%s round %d owns %d\n", who, rounds, (int)lock.owns_lock());
    lock.unlock();
    cosm::await(cosm::sleep(0));
    lock.lock();
    std::unique_lock<std::mutex> moved = std::move(lock);
    std::printf("%s moved owns %d old %d\n", who, (int)moved.owns_lock(), (int)lock.owns_lock());
    if (rounds == 2)
      break;
  }
  std::printf("%s free %d\n", who, (int)m.try_lock());
  m.unlock();
  return rounds;
}

COSM_ASYNC cosm::Coro<void> main_() {
  cosm::Task<int> a = cosm::create_task(hold("a", mu_a));
  cosm::Task<int> b = cosm::create_task(hold("b", mu_b));
  int ra = cosm::await(a);
  int rb = cosm::await(b);
  std::printf("results %d %d\n", ra, rb);
}

int main() { cosm::run(main_()); }
