// A construct cosm-lower lowers to code that does not compile, for
// test/diag/verify.test: a local class whose object lives across an await.
// The object moves into the frame, whose member is declared before (and
// outside) the class. If cosm-lower learns to lower this, put another
// such construct here; verify.test expects the error at line 9.
#include <cosm/cosm.hpp>

COSM_ASYNC cosm::Coro<int> leaf() { return 1; }
COSM_ASYNC cosm::Coro<int> local_class() {
  struct Local {
    int x;
  };
  Local l{1};
  cosm::await(leaf());
  return l.x;
}
