#include <cosm/cosm.hpp>
#include <iostream>

COSM_ASYNC cosm::Coro<int> fetch(int id);

template <class... Ids> COSM_ASYNC cosm::Coro<void> print_all(Ids... ids) {
  (std::cout << ... << cosm::await(fetch(ids)));
}
