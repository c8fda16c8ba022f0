// A class from a header with a COSM_ASYNC member template: its frame would
// be a local class of the member, and a local class cannot be a template.
#pragma once
#include <cosm/cosm.hpp>

struct Holder {
  template <class T> COSM_ASYNC cosm::Coro<T> hold(T v);
};
