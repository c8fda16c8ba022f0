#include <cosm/cosm.hpp>
#include <cstdio>

struct Connection {
  Connection() { std::puts("connection opened"); }
  ~Connection() { std::puts("connection closed"); }
};

COSM_ASYNC cosm::Coro<void> worker() {
  Connection conn;
  try {
    cosm::await(cosm::sleep(10));
    std::puts("not reached");
  } catch (const cosm::CancelledError &) {
    std::puts("worker: cancelled while sleeping");
    throw;
  }
}

COSM_ASYNC cosm::Coro<void> main_() {
  cosm::Task<void> t = cosm::create_task(worker());
  cosm::await(cosm::sleep(0.01));
  t.cancel();
  try {
    cosm::await(t);
  } catch (const cosm::CancelledError &) {
    std::printf("main: worker cancelled = %d\n", t.cancelled());
  }
}

int main() { cosm::run(main_()); }
