#include <cosm/cosm.hpp>

COSM_ASYNC cosm::Coro<int> two() {
  cosm::await(cosm::sleep(0));
  return 2;
}
