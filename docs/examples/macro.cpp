// Awaits and returns written in macros.
#include <cosm/cosm.hpp>

cosm::Coro<int> get();
#define AWAIT_PLUS_ONE(x) (cosm::await(x) + 1)

COSM_ASYNC cosm::Coro<int> macro() {
  return AWAIT_PLUS_ONE(get());
}

#define RETURN_IF_NEGATIVE(v) \
  do {                        \
    if ((v) < 0)              \
      return -1;              \
  } while (0)

COSM_ASYNC cosm::Coro<int> checked(int n) {
  RETURN_IF_NEGATIVE(n);
  return AWAIT_PLUS_ONE(get()) + n;
}
