#include <cosm/cosm.hpp>
#include <cstdio>

COSM_ASYNC cosm::Coro<void> hello() {
  std::puts("hello...");
  cosm::await(cosm::sleep(0.1));
  std::puts("...world");
}

int main() { cosm::run(hello()); }
