// An await that cosm-lower would have to rewrite inside a macro expansion.
#include <cosm/cosm.hpp>

cosm::Coro<int> get();
#define AWAIT_PLUS_ONE(x) (cosm::await(x) + 1)

COSM_ASYNC cosm::Coro<int> macro() {
  return AWAIT_PLUS_ONE(get());
}
