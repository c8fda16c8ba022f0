#pragma once
#include <cosm/cosm.hpp>

COSM_ASYNC cosm::Coro<int> half(int x);
