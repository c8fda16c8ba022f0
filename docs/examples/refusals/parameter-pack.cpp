// A function parameter pack of an async function template.
#include <cosm/cosm.hpp>

template <class... Args> COSM_ASYNC cosm::Coro<int> count(Args... args) {
  cosm::await(cosm::sleep(0));
  return static_cast<int>(sizeof...(args));
}

COSM_ASYNC cosm::Coro<int> use() { return cosm::await(count(1, 2)); }
