// A closure returned by a function, kept across an await.
#include <cosm/cosm.hpp>

auto make_adder(int n) {
  return [n](int x) { return x + n; };
}

COSM_ASYNC cosm::Coro<int> add_later(int n) {
  auto add = make_adder(n);
  cosm::await(cosm::sleep(0));
  return add(2);
}
