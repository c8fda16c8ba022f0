// A for condition variable in a loop that suspends.
#include <cosm/cosm.hpp>

int *next();

COSM_ASYNC cosm::Coro<void> walk() {
  for (; int *p = next();)
    cosm::await(cosm::sleep(*p));
}
