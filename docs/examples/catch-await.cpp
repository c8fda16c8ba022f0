// An await inside a handler: the handler runs after the try statement with
// the exception kept in the frame; `throw;` rethrows it.
#include <cosm/cosm.hpp>
#include <cstdio>
#include <stdexcept>

cosm::Coro<int> may_fail(int n);
cosm::Coro<void> log(const char *what);

COSM_ASYNC cosm::Coro<int> handled(int n) {
  try {
    return cosm::await(may_fail(n));
  } catch (const std::runtime_error &e) {
    cosm::await(log(e.what()));
    throw;
  }
}
