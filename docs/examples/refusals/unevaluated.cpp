// An await in an unevaluated operand (sizeof).
#include <cosm/cosm.hpp>

cosm::Coro<int> get();

COSM_ASYNC cosm::Coro<int> size() {
  cosm::await(cosm::sleep(0));
  return sizeof(cosm::await(get()));
}
