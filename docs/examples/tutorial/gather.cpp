#include <cosm/cosm.hpp>
#include <cstdio>

COSM_ASYNC cosm::Coro<int> fetch(const char *what, double seconds) {
  std::printf("fetching %s\n", what);
  cosm::await(cosm::sleep(seconds));
  std::printf("got %s\n", what);
  return static_cast<int>(seconds * 100);
}

COSM_ASYNC cosm::Coro<void> main_() {
  auto [a, b, c] = cosm::await(cosm::gather(
      fetch("a", 0.03), fetch("b", 0.01), fetch("c", 0.02)));
  std::printf("results in argument order: %d %d %d\n", a, b, c);
}

int main() { cosm::run(main_()); }
