// goto and labels in a function that suspends.
#include <cosm/cosm.hpp>
#include <string>

struct Attempt {
  explicit Attempt(int n);
  ~Attempt();
};

cosm::Coro<bool> try_once(int n);

COSM_ASYNC cosm::Coro<int> retry() {
  int n = 0;
again:
  Attempt attempt(n);
  if (!cosm::await(try_once(n))) {
    if (++n < 3)
      goto again;
    goto failed;
  }
  return n;
failed:
  return -1;
}
