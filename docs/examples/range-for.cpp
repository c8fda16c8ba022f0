// A range-based for whose body suspends: the range and the iterators live in
// the frame.
#include <cosm/cosm.hpp>
#include <vector>

cosm::Coro<void> step(int n);

COSM_ASYNC cosm::Coro<void> each(std::vector<int> items) {
  for (int item : items)
    cosm::await(step(item));
}
