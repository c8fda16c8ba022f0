// Awaiting a coroutine whose frame is defined above: the child's frame is
// built inside the parent's, in its child slot; no allocation.
#include <cosm/cosm.hpp>
#include <string>

COSM_ASYNC cosm::Coro<int> length(const std::string &text) {
  cosm::await(cosm::sleep(0));
  return int(text.size());
}

COSM_ASYNC cosm::Coro<int> total() {
  int a = cosm::await(length("four"));
  int b = cosm::await(length("seven"));
  return a + b;
}
