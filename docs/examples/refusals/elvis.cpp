// An await in a GNU '?:' without a middle operand.
#include <cosm/cosm.hpp>

cosm::Coro<int> get();

COSM_ASYNC cosm::Coro<int> either(int v) {
  return v ?: cosm::await(get());
}
