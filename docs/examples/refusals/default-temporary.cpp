#include <cosm/cosm.hpp>
#include <string>

const char *const greeting = "hello";

COSM_ASYNC cosm::Coro<int> length(const std::string &s = greeting) {
  cosm::await(cosm::sleep(0));
  return int(s.size());
}

COSM_ASYNC cosm::Coro<int> caller() { return cosm::await(length()); }
