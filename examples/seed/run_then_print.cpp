// cosm::run drives a coroutine to completion on a fresh loop and returns its
// result; ordinary code prints it afterwards.
#include <cosm/cosm.hpp>
#include <cstdio>

COSM_ASYNC cosm::Coro<int> slow_square(int x) {
  std::printf("squaring %d...\n", x);
  cosm::await(cosm::sleep(0.01));
  return x * x;
}

COSM_ASYNC cosm::Coro<int> sum_of_squares() {
  int a = cosm::await(slow_square(3));
  int b = cosm::await(slow_square(4));
  return a + b;
}

int main() {
  int result = cosm::run(sum_of_squares());
  std::printf("cosm::run returned %d\n", result);
}
