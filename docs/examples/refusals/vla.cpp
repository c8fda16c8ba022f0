// A variable-length array (a GNU extension in C++).
#include <cosm/cosm.hpp>

COSM_ASYNC cosm::Coro<void> vla(int n) {
  int a[n];
  a[0] = 1;
  cosm::await(cosm::sleep(0));
}
