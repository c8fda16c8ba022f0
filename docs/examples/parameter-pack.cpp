// A function parameter pack: the frame holds it as a std::tuple, and
// resume_pack() receives it as a pack again.
#include <cosm/cosm.hpp>

template <class... Args> COSM_ASYNC cosm::Coro<int> count(Args... args) {
  cosm::await(cosm::sleep(0));
  return static_cast<int>(sizeof...(args));
}

COSM_ASYNC cosm::Coro<int> use() { return cosm::await(count(1, 2.5, 'c')); }
