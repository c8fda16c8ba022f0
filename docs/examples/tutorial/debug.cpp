#include <chrono>
#include <cosm/cosm.hpp>
#include <cstdio>
#include <thread>

COSM_ASYNC cosm::Coro<void> blocker() {
  std::puts("blocking the loop for 0.15 s");
  std::this_thread::sleep_for(std::chrono::milliseconds(150));
}

COSM_ASYNC cosm::Coro<void> main_() {
  cosm::await(cosm::create_task(blocker()));
}

int main() { cosm::run(main_(), cosm::RunOptions{true}); }
