// An async function defined in a header: cosm-lower rewrites only the
// source it is given, so it refuses this definition (left as written, it
// would not compile).
#include <cosm/cosm.hpp>

namespace util {
COSM_ASYNC inline cosm::Coro<int> next(int x) {
  cosm::await(cosm::sleep(0));
  return x + 1;
}
// A declaration is fine: its definition is in the source.
COSM_ASYNC cosm::Coro<int> twice(int x);
} // namespace util
