// COSM_ASYNC written after a lambda's parameter list is an attribute of the
// call operator's type there, which Clang refuses ("'annotate' attribute
// cannot be applied to types"); cosm-lower adds a note with the place it
// goes, and writes nothing. The same mark before the parameters, and on a
// plain function, says nothing.
//
// RUN: not %cosm-lower %s -o %t.cpp 2> %t.err
// RUN: FileCheck %s --implicit-check-not=error: --implicit-check-not=COSM_ASYNC\ marks < %t.err
// RUN: not test -e %t.cpp

#include <cosm/cosm.hpp>

COSM_ASYNC cosm::Coro<int> fine() { return 1; }

COSM_ASYNC cosm::Coro<void> main_() {
  auto good = [] COSM_ASYNC () -> cosm::Coro<int> { return 2; };
  // CHECK: async-lambda-after-params.cpp:[[@LINE+3]]:19: error: 'annotate' attribute cannot be applied to types
  // CHECK: note: expanded from macro 'COSM_ASYNC'
  // CHECK: async-lambda-after-params.cpp:[[@LINE+1]]:19: note: COSM_ASYNC marks a lambda before its parameter list: '[] COSM_ASYNC () -> cosm::Coro<T> { ... }'
  auto bad = []() COSM_ASYNC -> cosm::Coro<int> { return 3; };
  cosm::await(good());
  cosm::await(bad());
  cosm::await(fine());
}

int main() { cosm::run(main_()); }
