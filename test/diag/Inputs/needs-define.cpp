#include <cosm/cosm.hpp>
#ifndef FROM_DATABASE
#error compiled without the compile command
#endif
COSM_ASYNC cosm::Coro<int> answer() {
  cosm::await(cosm::sleep(0));
  return 42;
}
