// A COSM_ASYNC function template.
#include <cosm/cosm.hpp>

template <class T> COSM_ASYNC cosm::Coro<T> later(T v) {
  cosm::await(cosm::sleep(0));
  return v;
}
