// cosm::await in a function that is not marked COSM_ASYNC.
#include <cosm/cosm.hpp>

cosm::Coro<int> leaf();

int plain() { return cosm::await(leaf()); }
