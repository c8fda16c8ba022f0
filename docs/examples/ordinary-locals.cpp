// Locals that never live across a suspension stay locals of resume().
#include <cosm/cosm.hpp>
#include <cstdio>

cosm::Coro<int> get();

COSM_ASYNC cosm::Coro<int> mixed() {
  int kept = cosm::await(get());
  {
    int scratch = kept * 2;
    std::printf("%d\n", scratch);
  }
  cosm::await(cosm::sleep(0));
  int last = cosm::await(get());
  return kept + last;
}
