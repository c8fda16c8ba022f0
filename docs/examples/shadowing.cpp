// Locals with the same name in sibling and nested blocks get separate members.
#include <cosm/cosm.hpp>
#include <cstdio>

COSM_ASYNC cosm::Coro<void> shadows() {
  {
    int x = 1;
    cosm::await(cosm::sleep(0));
    std::printf("%d\n", x);
  }
  {
    int x = 2;
    cosm::await(cosm::sleep(0));
    {
      int x = 3;
      cosm::await(cosm::sleep(0));
      std::printf("%d\n", x);
    }
    std::printf("%d\n", x);
  }
}
