// An await in each element of a fold: rewritten into a loop over the pack.
#include <cosm/cosm.hpp>

COSM_ASYNC cosm::Coro<int> fetch(int id);

template <class... Ids> COSM_ASYNC cosm::Coro<int> total(Ids... ids) {
  return (0 + ... + cosm::await(fetch(ids)));
}
