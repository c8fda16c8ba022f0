// A C-style variadic function, a constructor or a destructor marked COSM_ASYNC.
#include <cosm/cosm.hpp>

COSM_ASYNC cosm::Coro<void> printf_later(const char *format, ...) {
  cosm::await(cosm::sleep(0));
}
