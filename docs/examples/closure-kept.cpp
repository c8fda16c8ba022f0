#include <cosm/cosm.hpp>
#include <string>

COSM_ASYNC cosm::Coro<std::string> label(int n) {
  std::string prefix = "item ";
  auto name = [&prefix](int i) { return prefix + std::to_string(i); };
  cosm::await(cosm::sleep(0));
  return name(n);
}
