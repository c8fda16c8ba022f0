#include <cosm/cosm.hpp>

COSM_ASYNC cosm::Coro<int> leaf() { return 1; }
int plain() {
  cosm::await(leaf());
  return 0;
}
