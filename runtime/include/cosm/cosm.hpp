//===- cosm/cosm.hpp - Everything a cosm program uses ----------*- C++ -*-===//
///
/// \file
/// The one header a cosm program includes.
///
//===----------------------------------------------------------------------===//
#ifndef COSM_COSM_HPP
#define COSM_COSM_HPP

#include "cosm/async.hpp"
#include "cosm/awaiter.hpp"
#include "cosm/barrier.hpp"
#include "cosm/condition.hpp"
#include "cosm/datagrams.hpp"
#include "cosm/errors.hpp"
#include "cosm/event.hpp"
#include "cosm/frame.hpp"
#include "cosm/future.hpp"
#include "cosm/gather.hpp"
#include "cosm/graph.hpp"
#include "cosm/handle.hpp"
#include "cosm/lock.hpp"
#include "cosm/loop.hpp"
#include "cosm/pack.hpp"
#include "cosm/queue.hpp"
#include "cosm/run.hpp"
#include "cosm/semaphore.hpp"
#include "cosm/sleep.hpp"
#include "cosm/sockets.hpp"
#include "cosm/streams.hpp"
#include "cosm/subprocess.hpp"
#include "cosm/task.hpp"
#include "cosm/taskgroup.hpp"
#include "cosm/threads.hpp"
#include "cosm/timeouts.hpp"
#include "cosm/wait.hpp"

#endif // COSM_COSM_HPP
