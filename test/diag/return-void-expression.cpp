// `return cosm::await(v());` with v a cosm::Coro<void> (Python's `return
// await v()`): C++ allows a void expression only in the return of a void
// function, and a COSM_ASYNC function returns cosm::Coro<void>. Clang's
// error gets a note with what to write; nothing is written. A plain
// `return;` and a value returned from a non-void coroutine say nothing.
//
// RUN: not %cosm-lower %s -o %t.cpp 2> %t.err
// RUN: FileCheck %s --implicit-check-not=error: --implicit-check-not=returns\ no\ value < %t.err
// RUN: not test -e %t.cpp

#include <cosm/cosm.hpp>

COSM_ASYNC cosm::Coro<void> v() { cosm::await(cosm::sleep(0)); }
COSM_ASYNC cosm::Coro<int> n() { return 1; }

COSM_ASYNC cosm::Coro<void> w(bool b) {
  if (b) {
    cosm::await(v());
    return;
  }
  // CHECK: return-void-expression.cpp:[[@LINE+2]]:10: error: no viable conversion from returned value of type 'void' to function return type 'cosm::Coro<void>'
  // CHECK: return-void-expression.cpp:[[@LINE+1]]:10: note: a COSM_ASYNC function returning cosm::Coro<void> returns no value, not even a void one: write 'cosm::await(...); return;'
  return cosm::await(v());
}

COSM_ASYNC cosm::Coro<int> m() { return cosm::await(n()) + 1; }
