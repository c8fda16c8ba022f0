// COSM_ASYNC on a function that does not return cosm::Coro<T>.
#include <cosm/cosm.hpp>

COSM_ASYNC int answer() { return 42; }
