// Falling off the end of a non-void async function.
#include <cosm/cosm.hpp>

COSM_ASYNC cosm::Coro<int> maybe(bool b) {
  cosm::await(cosm::sleep(0));
  if (b)
    return 1;
}
