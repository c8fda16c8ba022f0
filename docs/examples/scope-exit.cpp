// break, continue and return out of scopes holding objects: each object ends
// exactly once, newest first.
#include <cosm/cosm.hpp>
#include <string>

struct Guard {
  explicit Guard(std::string name);
  ~Guard();
};

COSM_ASYNC cosm::Coro<int> guards() {
  for (int i = 0; i < 5; ++i) {
    Guard outer("outer");
    cosm::await(cosm::sleep(0));
    {
      Guard inner("inner");
      cosm::await(cosm::sleep(0));
      if (i == 0)
        continue;
      if (i == 2)
        break;
      if (i == 3)
        return i;
    }
  }
  return -1;
}
