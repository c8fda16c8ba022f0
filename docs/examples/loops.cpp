// while, for and do with awaits in their bodies.
#include <cosm/cosm.hpp>

cosm::Coro<void> step(int n);

COSM_ASYNC cosm::Coro<void> loops() {
  int i = 0;
  while (i < 3)
    cosm::await(step(i++));
  for (int j = 0; j < 3; ++j)
    cosm::await(step(j));
  do
    cosm::await(step(i));
  while (--i > 0);
}
