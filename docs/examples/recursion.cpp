// A function that awaits itself: it is declared before its frame.
#include <cosm/cosm.hpp>

COSM_ASYNC cosm::Coro<int> fact(int n) {
  if (n <= 1)
    return 1;
  return n * cosm::await(fact(n - 1));
}
