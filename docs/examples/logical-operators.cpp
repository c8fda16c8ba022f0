// && and ||: the right side (and its await) runs only when C++ evaluates it.
#include <cosm/cosm.hpp>
#include <cstdio>

bool ready();
cosm::Coro<bool> check();

COSM_ASYNC cosm::Coro<void> both() {
  if (ready() && cosm::await(check()))
    std::puts("both");
  bool either = ready() || cosm::await(check());
  std::printf("%d\n", either);
}
