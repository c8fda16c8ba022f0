// A lambda marked COSM_ASYNC.
#include <cosm/cosm.hpp>

void f() {
  auto l = [] COSM_ASYNC () -> cosm::Coro<void> { cosm::await(cosm::sleep(0)); };
  (void)l;
}
