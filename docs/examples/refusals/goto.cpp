// goto and labels in a function that suspends.
#include <cosm/cosm.hpp>

COSM_ASYNC cosm::Coro<void> jumps(bool skip) {
  cosm::await(cosm::sleep(0));
  if (skip)
    goto done;
  cosm::await(cosm::sleep(0));
done:
  return;
}
