//===- pipe_transport.hpp - Streams over pipes ------------------*- C++ -*-===//
///
/// \file
/// The stream transport (streams.cpp's Connection) over one end of a pipe,
/// as unix_events' _UnixReadPipeTransport and _UnixWritePipeTransport:
/// subprocesses' stdin, stdout and stderr. A read pipe ends at EOF (the
/// reader gets it through connection_lost); a write pipe watches its fd for
/// the reading end going away, and write_eof() closes it.
///
//===----------------------------------------------------------------------===//
#ifndef COSM_SRC_PIPE_TRANSPORT_HPP
#define COSM_SRC_PIPE_TRANSPORT_HPP

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

/// Called once the pipe's transport is gone, with its error if any.
using PipeLost = std::function<void(std::exception_ptr)>;

/// A reader fed from the non-blocking read end Fd (owned from now on), and
/// a writer that is only a handle on the transport (it keeps the transport
/// alive while reading is paused; close() is transport.close()).
std::pair<StreamReader, StreamWriter>
pipeReader(Loop &L, int Fd, std::size_t Limit, PipeLost OnLost);
/// A writer over the non-blocking write end Fd (owned from now on).
StreamWriter pipeWriter(Loop &L, int Fd, PipeLost OnLost);

/// write(2) that never raises SIGPIPE: EPIPE comes back as an error, as in
/// Python, which ignores SIGPIPE. (The signal is blocked in this thread for
/// the call and a SIGPIPE it caused is consumed.)
ssize_t pipeWrite(int Fd, const void *Data, std::size_t Size);

} // namespace detail
} // namespace cosm

#endif // COSM_SRC_PIPE_TRANSPORT_HPP
