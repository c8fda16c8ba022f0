#include <cosm/cosm.hpp>
#include <cstdio>
#include <string>

COSM_ASYNC cosm::Coro<void> greet_all() {
  int greeted = 0;
  std::string greeting = "hello";
  // The closure is a temporary, gone at the end of this statement; the
  // task keeps running on its copy of `greeting`.
  cosm::Task<void> t = cosm::create_task(
      [greeting, &greeted] COSM_ASYNC (std::string who) -> cosm::Coro<void> {
        cosm::await(cosm::sleep(0));
        std::printf("%s %s\n", greeting.c_str(), who.c_str());
        ++greeted;
      }("world"));
  cosm::await(t);
}
