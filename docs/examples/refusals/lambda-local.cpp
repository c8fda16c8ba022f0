// A lambda stored in a local that lives across a suspension.
#include <cosm/cosm.hpp>

COSM_ASYNC cosm::Coro<int> keep() {
  int n = 1;
  auto add = [n](int x) { return x + n; };
  cosm::await(cosm::sleep(0));
  return add(2);
}
