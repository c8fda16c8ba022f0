//===- pipe_transport.cpp - Writing to pipes without SIGPIPE --------------===//
///
/// \file
/// The part of the pipe transports that does not need the stream
/// transport's internals (those are in streams.cpp).
///
//===----------------------------------------------------------------------===//
#include "pipe_transport.hpp"

#include <cerrno>
#include <csignal>
#include <ctime>
#include <pthread.h>
#include <unistd.h>

namespace cosm::detail {

ssize_t pipeWrite(int Fd, const void *Data, std::size_t Size) {
  sigset_t Pipe, Old, Pending;
  sigemptyset(&Pipe);
  sigaddset(&Pipe, SIGPIPE);
  sigpending(&Pending);
  bool WasPending = sigismember(&Pending, SIGPIPE);
  pthread_sigmask(SIG_BLOCK, &Pipe, &Old);
  ssize_t N = ::write(Fd, Data, Size);
  int Err = errno;
  if (N < 0 && Err == EPIPE && !WasPending) {
    // Consume the SIGPIPE this write raised (thread-directed, so pending
    // for this thread now).
    timespec Zero{0, 0};
    while (::sigtimedwait(&Pipe, nullptr, &Zero) < 0 && errno == EINTR) {
    }
  }
  pthread_sigmask(SIG_SETMASK, &Old, nullptr);
  errno = Err;
  return N;
}

} // namespace cosm::detail
