//===- loop_internals.hpp - Runtime access to Loop internals ----*- C++ -*-===//
///
/// \file
/// What the runtime's own sources (run.cpp) need from a Loop beyond its
/// public API.
///
//===----------------------------------------------------------------------===//
#ifndef COSM_SRC_LOOP_INTERNALS_HPP
#define COSM_SRC_LOOP_INTERNALS_HPP

#include "cosm/loop.hpp"

namespace cosm::detail {

struct LoopInternals {
  static void runUntilDone(Loop &L, FutureBase &F) { L.runUntilDone(F); }
  static TaskBase *firstTask(const Loop &L) noexcept { return L.TasksHead; }
  static void addSignalHandler(Loop &L, int Sig, HandleImpl *H) {
    L.addSignalHandler(Sig, H);
  }
  /// The handle add_signal_handler() installed for Sig, or null
  /// (signals.cpp).
  static HandleImpl *signalHandler(const Loop &L, int Sig) noexcept;
};

} // namespace cosm::detail

#endif // COSM_SRC_LOOP_INTERNALS_HPP
