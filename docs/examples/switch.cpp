// A switch with awaits in its cases, a fallthrough, and a continue of the
// enclosing loop.
#include <cosm/cosm.hpp>

cosm::Coro<int> step(int n);

COSM_ASYNC cosm::Coro<int> classify(int n) {
  int total = 0;
  for (int i = 0; i < n; ++i) {
    switch (i % 3) {
    case 0:
      total += cosm::await(step(i));
      [[fallthrough]];
    case 1:
      total += cosm::await(step(-i));
      break;
    default:
      continue;
    }
    ++total;
  }
  return total;
}
