// A second local type of one name is renamed in the input's text before
// lowering (test/run/local-type-names.cpp); a use spelled by a macro cannot
// be, and is refused at the macro, with nothing written.
//
// RUN: not %cosm-lower %s -o %t.cpp 2> %t.err
// RUN: FileCheck %s --implicit-check-not=error: < %t.err
// RUN: not test -e %t.cpp

#include <cosm/cosm.hpp>

#define MAKE_ITEM(x) Item{x}

COSM_ASYNC cosm::Coro<long> twice(bool b) {
  if (b) {
    struct Item {
      int v;
    };
    Item i = MAKE_ITEM(1);
    cosm::await(cosm::sleep(0));
    return i.v;
  }
  struct Item {
    long v;
  };
  // CHECK: local-type-macro.cpp:[[@LINE+1]]:12: error: cosm-lower must rewrite 'Item', the name of two local types or enumerators of the function, here, but it comes from the expansion of macro 'MAKE_ITEM'; write it outside the macro
  Item i = MAKE_ITEM(2);
  cosm::await(cosm::sleep(0));
  return i.v;
}
