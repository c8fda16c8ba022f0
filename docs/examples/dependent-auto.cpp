// An `auto` local whose type the instantiation decides, kept across a
// suspension: the frame names it through its initialiser.
#include <cosm/cosm.hpp>

template <class A> COSM_ASYNC cosm::Coro<int> twice(A a) {
  auto x = cosm::await(a);
  cosm::await(cosm::sleep(0));
  return x + x;
}
