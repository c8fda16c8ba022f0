// Awaiting a coroutine: the child runs inline, in the same step.
#include <cosm/cosm.hpp>

cosm::Coro<int> child(int x);

COSM_ASYNC cosm::Coro<int> parent() {
  int v = cosm::await(child(20));
  return v + 1;
}
