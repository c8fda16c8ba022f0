// A COSM_ASYNC function template: its frame is a class template with the
// same parameters.
#include <cosm/cosm.hpp>

template <class T> COSM_ASYNC cosm::Coro<T> twice(T v) {
  cosm::await(cosm::sleep(0));
  return v + v;
}
