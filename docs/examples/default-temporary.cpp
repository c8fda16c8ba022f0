// A default argument's temporary bound to a coroutine's reference parameter.
#include <cosm/cosm.hpp>
#include <string>

COSM_ASYNC cosm::Coro<int> length(const std::string &s = "default") {
  cosm::await(cosm::sleep(0));
  return int(s.size());
}

COSM_ASYNC cosm::Coro<int> caller() { return cosm::await(length()); }
