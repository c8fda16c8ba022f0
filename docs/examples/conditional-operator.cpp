// ?: evaluates one side only: the await on the other side never runs.
#include <cosm/cosm.hpp>

int cheap();
cosm::Coro<int> costly();

COSM_ASYNC cosm::Coro<int> pick(bool slow) {
  return slow ? cosm::await(costly()) : cheap();
}
