// An async member defined in its class whose result is the class.
#include <cosm/cosm.hpp>

struct Conn {
  int fd = -1;
  COSM_ASYNC static cosm::Coro<Conn> open() {
    cosm::await(cosm::sleep(0));
    return Conn{3};
  }
};
