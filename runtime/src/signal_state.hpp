//===- signal_state.hpp - A loop's signal handlers --------------*- C++ -*-===//
///
/// \file
/// What Loop::add_signal_handler keeps (src/signals.cpp): the handlers by
/// signal and the self-pipe the process-wide C handler writes signal
/// numbers to (asyncio's set_wakeup_fd socket).
///
//===----------------------------------------------------------------------===//
#ifndef COSM_SRC_SIGNAL_STATE_HPP
#define COSM_SRC_SIGNAL_STATE_HPP

#include "cosm/handle.hpp"
#include "cosm/ref.hpp"

#include <map>

namespace cosm::detail {

struct SignalState {
  SignalState();
  ~SignalState();
  SignalState(const SignalState &) = delete;
  SignalState &operator=(const SignalState &) = delete;

  /// The self-pipe: the C handler writes one byte per signal to Pipe[1].
  int Pipe[2] = {-1, -1};
  std::map<int, Ref<HandleImpl>> Handlers;
};

} // namespace cosm::detail

#endif // COSM_SRC_SIGNAL_STATE_HPP
