// Objects of resume() nested inside frame objects move into the frame too,
// so every exit destroys in exact reverse order.
#include <cosm/cosm.hpp>
#include <mutex>
#include <string>

struct Connection {
  explicit Connection(std::string host);
  ~Connection();
  bool send(int n);
};

std::mutex M;

COSM_ASYNC cosm::Coro<int> deliver(int n) {
  Connection c("db");
  cosm::await(cosm::sleep(0));
  for (int i = 0; i < n; ++i) {
    std::lock_guard<std::mutex> hold(M);
    if (!c.send(i))
      return i;
  }
  return n;
}
