// A class from a header: its members' frames are local classes of the
// members, which have no static data members.
#pragma once
#include <cosm/cosm.hpp>

struct Counter {
  int base = 1;
  COSM_ASYNC cosm::Coro<int> scaled();
};
