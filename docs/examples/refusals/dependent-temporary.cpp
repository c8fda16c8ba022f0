// A temporary an instantiation binds to a coroutine's reference parameter.
#include <cosm/cosm.hpp>
#include <string>

COSM_ASYNC cosm::Coro<int> greet(const std::string &text, int times) {
  cosm::await(cosm::sleep(0));
  return int(text.size()) * times;
}

template <class T> COSM_ASYNC cosm::Coro<int> caller(T times) {
  return cosm::await(greet("hello", times));
}

COSM_ASYNC cosm::Coro<int> user() { return cosm::await(caller(2)); }
