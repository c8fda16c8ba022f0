#include <cosm/cosm.hpp>

COSM_ASYNC cosm::Coro<int> one() {
  cosm::await(cosm::sleep(0));
  return 1;
}
