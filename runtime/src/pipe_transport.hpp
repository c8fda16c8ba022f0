//===- pipe_transport.hpp - Streams over pipes ------------------*- C++ -*-===//
///
/// \file
/// The stream transport (streams.cpp's Connection) over one end of a pipe,
/// as unix_events' _UnixReadPipeTransport and _UnixWritePipeTransport:
/// subprocesses' stdin, stdout and stderr. A read pipe ends at EOF (the
/// reader gets it through connection_lost); a write pipe watches its fd for
/// the reading end going away, and write_eof() closes it. What a pipe
/// reads and its end reach the streams through the process (PipeEvent).
///
//===----------------------------------------------------------------------===//
#ifndef COSM_SRC_PIPE_TRANSPORT_HPP
#define COSM_SRC_PIPE_TRANSPORT_HPP

#include "cosm/future.hpp"
#include "cosm/ref.hpp"
#include "cosm/streams.hpp"

#include <cstddef>
#include <exception>
#include <functional>
#include <sys/types.h>
#include <utility>

namespace cosm {
class Loop;
namespace detail {

/// What a Connection's fd is: a socket, or one end of a pipe.
enum class PipeKind : unsigned char { None, Read, Write };

/// A subprocess's pipe hands each event meant for the process's protocol
/// (a chunk it read, its end) to the process, which runs Deliver one call
/// later (base_subprocess's _call, queued until the pipes are connected).
/// Lost: the pipe transport is gone.
using PipeEvent = std::function<void(std::function<void()> Deliver, bool Lost)>;

/// A reader fed from the non-blocking read end Fd (owned from now on), and
/// a writer that is only a handle on the transport (it keeps the transport
/// alive while reading is paused; close() is transport.close()). Waiter is
/// set once the transport is connected (connect_read_pipe's waiter).
std::pair<StreamReader, StreamWriter> pipeReader(Loop &L, int Fd,
                                                 std::size_t Limit,
                                                 PipeEvent OnEvent,
                                                 Ref<FutureImpl<void>> Waiter);
/// A writer over the non-blocking write end Fd (owned from now on).
StreamWriter pipeWriter(Loop &L, int Fd, PipeEvent OnEvent,
                        Ref<FutureImpl<void>> Waiter);

/// write(2) that never raises SIGPIPE: EPIPE comes back as an error, as in
/// Python, which ignores SIGPIPE. (The signal is blocked in this thread for
/// the call and a SIGPIPE it caused is consumed.)
ssize_t pipeWrite(int Fd, const void *Data, std::size_t Size);

} // namespace detail
} // namespace cosm

#endif // COSM_SRC_PIPE_TRANSPORT_HPP
