// Awaiting a future: the same as a task.
#include <cosm/cosm.hpp>

COSM_ASYNC cosm::Coro<int> wait_for(cosm::Future<int> f) {
  return cosm::await(f);
}
