// A temporary that C++ keeps alive to the end of the full expression
// survives a suspension inside it.
#include <cosm/cosm.hpp>
#include <string>

void use(const std::string &s, int v);
cosm::Coro<int> get();

COSM_ASYNC cosm::Coro<void> keep() {
  use(std::string("temp"), cosm::await(get()));
}
