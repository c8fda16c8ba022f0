// Awaiting a task: a done callback and a return to the loop, unless it is done.
#include <cosm/cosm.hpp>

cosm::Coro<int> child(int x);

COSM_ASYNC cosm::Coro<int> parent() {
  cosm::Task<int> t = cosm::create_task(child(20));
  int v = cosm::await(t);
  return v + 1;
}
