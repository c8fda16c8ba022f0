// A range-based for with an init-statement (C++20) that suspends.
#include <cosm/cosm.hpp>
#include <vector>

COSM_ASYNC cosm::Coro<void> walk() {
  for (std::vector<int> v = {1, 2}; int x : v)
    cosm::await(cosm::sleep(x));
}
