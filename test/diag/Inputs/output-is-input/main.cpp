#include "local.hpp"

COSM_ASYNC cosm::Coro<int> twice(int x) {
  int v = cosm::await(half(x));
  return 4 * v;
}
