//===- loop_bound.cpp - Objects bound to one loop -------------------------===//
#include "cosm/loop_bound.hpp"

#include "cosm/loop.hpp"

#include <string>

namespace cosm::detail {

Loop &LoopBound::boundLoop(const char *What) {
  Loop &Running = runningLoop();
  if (!Bound) {
    Bound = &Running;
    Generation = Running.generation();
  }
  if (Bound != &Running || Generation != Running.generation())
    throw RuntimeError(std::string(What) +
                       " is bound to a different event loop");
  return Running;
}

} // namespace cosm::detail
