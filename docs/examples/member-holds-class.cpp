#include <cosm/cosm.hpp>

struct Conn {
  int fd = -1;
  COSM_ASYNC static cosm::Coro<Conn> open(int fd = 3) {
    cosm::await(cosm::sleep(0));
    return Conn{fd};
  }
};
