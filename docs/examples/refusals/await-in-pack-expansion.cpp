// An await in each element of a pack expansion.
#include <cosm/cosm.hpp>

template <class... Cs> COSM_ASYNC cosm::Coro<int> sum(Cs... cs) {
  return (0 + ... + cosm::await(cs));
}
