// An await inside a GNU statement expression.
#include <cosm/cosm.hpp>

cosm::Coro<int> get();

COSM_ASYNC cosm::Coro<int> gnu() {
  return ({ cosm::await(get()) + 1; });
}
