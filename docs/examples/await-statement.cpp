// An await as an expression statement: the result is dropped.
#include <cosm/cosm.hpp>
#include <cstdio>

COSM_ASYNC cosm::Coro<void> tick() {
  std::puts("before");
  cosm::await(cosm::sleep(0));
  std::puts("after");
}
