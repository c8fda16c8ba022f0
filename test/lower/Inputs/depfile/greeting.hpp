#pragma once
#include <cosm/cosm.hpp>
#include <cstdio>

inline cosm::Coro<void> greet() { return cosm::sleep(0); }
