// Two local types of one name, when the frame must name them.
#include <cosm/cosm.hpp>

COSM_ASYNC cosm::Coro<int> twice(bool b) {
  if (b) {
    struct Item { int v; };
    Item i{1};
    cosm::await(cosm::sleep(0));
    return i.v;
  }
  struct Item { long v; };
  enum Unit { One = 1 };
  Item i{2};
  cosm::await(cosm::sleep(0));
  return static_cast<int>(i.v) * One;
}
