// An if with an init-statement (or a condition variable) that suspends.
#include <cosm/cosm.hpp>

cosm::Coro<int> get();

COSM_ASYNC cosm::Coro<int> choose() {
  if (int v = cosm::await(get()); v > 0)
    return v;
  return 0;
}
