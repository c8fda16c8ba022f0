// `if constexpr` with awaits in its branches, in a template.
#include <cosm/cosm.hpp>
#include <string>
#include <type_traits>

template <class T> COSM_ASYNC cosm::Coro<std::string> describe(T v) {
  if constexpr (std::is_integral_v<T>) {
    cosm::await(cosm::sleep(0));
    return std::to_string(v);
  } else {
    cosm::await(cosm::sleep(0));
    return v;
  }
}
