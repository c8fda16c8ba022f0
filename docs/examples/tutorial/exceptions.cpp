#include <cosm/cosm.hpp>
#include <cstdio>
#include <stdexcept>
#include <string>

COSM_ASYNC cosm::Coro<int> parse(int n) {
  cosm::await(cosm::sleep(0));
  if (n < 0)
    throw std::invalid_argument("negative: " + std::to_string(n));
  return n * 2;
}

COSM_ASYNC cosm::Coro<int> total(int a, int b) {
  int x = cosm::await(parse(a)); // a child's exception comes out here
  int y = cosm::await(parse(b));
  return x + y;
}

COSM_ASYNC cosm::Coro<void> main_() {
  std::printf("total(1, 2) = %d\n", cosm::await(total(1, 2)));
  try {
    cosm::await(total(1, -2));
  } catch (const std::invalid_argument &e) {
    std::printf("caught from a coroutine: %s\n", e.what());
  }
  cosm::Task<int> t = cosm::create_task(parse(-3));
  try {
    cosm::await(t);
  } catch (const std::exception &e) {
    std::printf("caught from a task: %s\n", e.what());
  }
}

int main() { cosm::run(main_()); }
