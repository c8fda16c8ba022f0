#include <cosm/cosm.hpp>

// Awaited with a cosm::Coro (inline), a cosm::Task or a cosm::Future (through
// the loop): the instantiation decides.
template <class A> COSM_ASYNC cosm::Coro<int> plus_one(A a) {
  return cosm::await(a) + 1;
}
