// An await inside a try block: the child's exception comes out of the await
// and reaches the handler.
#include <cosm/cosm.hpp>
#include <cstdio>
#include <stdexcept>

cosm::Coro<int> may_fail(int n);

COSM_ASYNC cosm::Coro<int> guarded(int n) {
  try {
    int v = cosm::await(may_fail(n));
    return v;
  } catch (const std::runtime_error &e) {
    std::printf("caught %s\n", e.what());
    return -1;
  }
}
