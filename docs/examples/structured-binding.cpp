// Structured bindings: the decomposed object lives in the frame and the
// bindings name its parts.
#include <cosm/cosm.hpp>
#include <cstdio>
#include <utility>

cosm::Coro<std::pair<int, int>> both();

COSM_ASYNC cosm::Coro<int> sum() {
  auto [a, b] = cosm::await(both());
  cosm::await(cosm::sleep(0));
  return a + b;
}
