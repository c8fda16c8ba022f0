// Awaits in arguments and operands: what is evaluated before the suspension
// is saved in the frame.
#include <cosm/cosm.hpp>

int k();
int h(int x, int y);
cosm::Coro<int> m();
extern int a;

COSM_ASYNC cosm::Coro<int> operands() {
  int x = a * cosm::await(m());
  return h(k(), cosm::await(m())) + x;
}
