// if/else with awaits in the branches.
#include <cosm/cosm.hpp>

cosm::Coro<void> step(int n);

COSM_ASYNC cosm::Coro<void> branches(int n) {
  if (n % 2 == 0)
    cosm::await(step(n));
  else
    cosm::await(step(-n));
}
