// Awaits in loop conditions and in a for's increment run on every iteration.
#include <cosm/cosm.hpp>
#include <cstdio>

cosm::Coro<int> next();

COSM_ASYNC cosm::Coro<void> drain() {
  while (cosm::await(next()) < 3)
    std::puts("while");
  for (int i = 0; i < cosm::await(next()); ++i)
    std::puts("for");
  do
    std::puts("do");
  while (cosm::await(next()) < 9);
}
