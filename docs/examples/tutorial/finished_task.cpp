#include <cosm/cosm.hpp>
#include <cstdio>

COSM_ASYNC cosm::Coro<int> quick() {
  std::puts("quick runs");
  return 1;
}

COSM_ASYNC cosm::Coro<void> other() { std::puts("other runs"); }

COSM_ASYNC cosm::Coro<void> main_() {
  cosm::Task<int> t = cosm::create_task(quick());
  cosm::await(cosm::sleep(0)); // one pass: quick() runs and finishes
  cosm::Task<void> o = cosm::create_task(other());
  int v = cosm::await(t); // already done: no suspension, other() waits
  std::printf("got %d without yielding\n", v);
  cosm::await(o);
}

int main() { cosm::run(main_()); }
