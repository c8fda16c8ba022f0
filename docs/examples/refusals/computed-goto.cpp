// A computed goto (GNU labels as values) in a function that suspends.
#include <cosm/cosm.hpp>

COSM_ASYNC cosm::Coro<void> dispatch(bool first) {
  void *target = first ? &&one : &&two;
  cosm::await(cosm::sleep(0));
  goto *target;
one:
  return;
two:
  return;
}
