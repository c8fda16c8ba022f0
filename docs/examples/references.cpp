// References and pointers to locals stay valid across suspensions: a frame
// never moves.
#include <cosm/cosm.hpp>
#include <vector>

cosm::Coro<void> bump(int *counter);

COSM_ASYNC cosm::Coro<int> pointers() {
  int counter = 0;
  int *p = &counter;
  int &r = counter;
  std::vector<int> items = {1, 2, 3};
  int &first = items[0];
  cosm::await(bump(p));
  cosm::await(bump(&r));
  first += counter;
  return items[0];
}
