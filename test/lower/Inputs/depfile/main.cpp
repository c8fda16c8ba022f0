#include "greeting.hpp"

COSM_ASYNC cosm::Coro<void> hello() {
  cosm::await(greet());
  std::puts("hello");
}

int main() { cosm::run(hello()); }
