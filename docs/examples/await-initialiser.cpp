// Awaits in an initialiser, on the right of an assignment and in a return.
#include <cosm/cosm.hpp>

cosm::Coro<int> get(int x);

COSM_ASYNC cosm::Coro<int> values() {
  int a = cosm::await(get(1));
  a = cosm::await(get(a));
  a += cosm::await(get(2));
  return cosm::await(get(a));
}
