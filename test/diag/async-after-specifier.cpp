// COSM_ASYNC written after a specifier (`static COSM_ASYNC ...`) is an
// attribute of the type there, which Clang refuses; cosm-lower's note says
// it goes first, naming the specifier, and nothing is written. Written
// first, it lowers.
//
// RUN: not %cosm-lower %s -o %t.cpp 2> %t.err
// RUN: FileCheck %s --implicit-check-not=error: --implicit-check-not=note:\ COSM_ASYNC < %t.err
// RUN: not test -e %t.cpp

#include <cosm/cosm.hpp>

COSM_ASYNC static cosm::Coro<int> fine() { return 1; }

// CHECK: async-after-specifier.cpp:[[@LINE+2]]:8: error: 'annotate' attribute cannot be applied to types
// CHECK: async-after-specifier.cpp:[[@LINE+1]]:8: note: COSM_ASYNC comes before 'static': 'COSM_ASYNC static cosm::Coro<T> f(...)'
static COSM_ASYNC cosm::Coro<int> file_local() { return 2; }

struct Service {
  COSM_ASYNC static cosm::Coro<int> good();
  // CHECK: async-after-specifier.cpp:[[@LINE+2]]:10: error: 'annotate' attribute cannot be applied to types
  // CHECK: async-after-specifier.cpp:[[@LINE+1]]:10: note: COSM_ASYNC comes before 'static'
  static COSM_ASYNC cosm::Coro<int> bad();
};

// CHECK: async-after-specifier.cpp:[[@LINE+2]]:8: error: 'annotate' attribute cannot be applied to types
// CHECK: async-after-specifier.cpp:[[@LINE+1]]:8: note: COSM_ASYNC comes before 'inline': 'COSM_ASYNC inline cosm::Coro<T> f(...)'
inline COSM_ASYNC cosm::Coro<int> header_style() { return 3; }
