// Parameters by value and by reference; a class-type and a move-only result.
#include <cosm/cosm.hpp>
#include <memory>
#include <string>

COSM_ASYNC cosm::Coro<std::string> greet(std::string name,
                                         const std::string &punctuation) {
  cosm::await(cosm::sleep(0));
  return "hello " + name + punctuation;
}

COSM_ASYNC cosm::Coro<std::unique_ptr<int>> boxed(int v) {
  auto box = std::make_unique<int>(v);
  cosm::await(cosm::sleep(0));
  return box;
}
