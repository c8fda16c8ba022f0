#include <cosm/cosm.hpp>
#include <cstdio>
COSM_ASYNC cosm::Coro<void> coro_a() { std::puts("I am coro_a(). Hi!"); }
COSM_ASYNC cosm::Coro<void> coro_b() {
  std::puts("I am coro_b(). I sure hope no one hogs the event loop...");
  cosm::print_call_graph();
}
COSM_ASYNC cosm::Coro<void> await_coroutines_a() {
  cosm::Task<void> task_b = cosm::create_task(coro_b());
  for (int i = 0; i < 3; ++i)
    cosm::await(coro_a());
  cosm::await(task_b);
}
int main() { cosm::run(await_coroutines_a()); }
