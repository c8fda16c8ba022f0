// Types declared in an async function; statics and constants.
#include <cosm/cosm.hpp>
#include <array>

COSM_ASYNC cosm::Coro<int> tally() {
  struct Point {
    int x, y;
  };
  using Count = long;
  static int calls = 0;
  constexpr int Size = 3;
  Point p{1, 2};
  Count seen = ++calls;
  cosm::await(cosm::sleep(0));
  std::array<int, Size> cells{p.x, p.y, static_cast<int>(seen)};
  return cells[0] + cells[1] + cells[2];
}
