// An await in a declaration of several variables.
#include <cosm/cosm.hpp>

cosm::Coro<int> get();

COSM_ASYNC cosm::Coro<int> several() {
  int a = cosm::await(get()), b = 2;
  return a + b;
}
