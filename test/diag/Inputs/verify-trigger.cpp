// For test/diag/verify.test: code that compiles while cosm-lower analyses it
// (COSM_LOWERING is defined then) but not in the lowered file, so that the
// lowered file fails to compile, as it would after a cosm-lower bug. The
// use is inside an async function; verify.test expects the error at line 13.
#include <cosm/cosm.hpp>
#ifdef COSM_LOWERING
#define ONLY_WHILE_LOWERING 1
#endif

COSM_ASYNC cosm::Coro<int> leaf() { return 1; }
COSM_ASYNC cosm::Coro<int> uses() {
  int v = cosm::await(leaf());
  int w = ONLY_WHILE_LOWERING;
  return v + w;
}
