#include <cosm/cosm.hpp>
#include <cstdio>

COSM_ASYNC cosm::Coro<int> answer() {
  std::puts("answer() runs");
  return 42;
}

COSM_ASYNC cosm::Coro<void> main_() {
  cosm::Coro<int> c = answer();
  std::puts("called answer(): nothing ran yet");
  int v = cosm::await(c);
  std::printf("awaited it: %d\n", v);
  (void)answer(); // created, never awaited
}

int main() { cosm::run(main_()); }
