// RUN: %cosm-lower %s -- -std=c++17 -Xclang -verify

#include <cosm/cosm.hpp>

COSM_ASYNC int answer() { return 42; } // expected-error {{COSM_ASYNC function must return 'cosm::Coro<T>', not 'int'}}
COSM_ASYNC cosm::Task<int> task(); // a declaration is not rewritten
COSM_ASYNC void nothing() {} // expected-error {{COSM_ASYNC function must return 'cosm::Coro<T>', not 'void'}}
