// A switch with an init-statement that suspends.
#include <cosm/cosm.hpp>

cosm::Coro<int> get();

COSM_ASYNC cosm::Coro<int> choose() {
  switch (int v = cosm::await(get()); v) {
  case 0:
    return 1;
  default:
    return v;
  }
}
