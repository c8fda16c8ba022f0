//===- cosm/sockets.hpp - Socket coroutines on the loop ---------*- C++ -*-===//
///
/// \file
/// asyncio's loop.sock_recv / sock_sendall / sock_accept / sock_connect
/// (selector_events.py, 3.11) on non-blocking file descriptors. Each tries
/// the system call first and returns without yielding when it completes at
/// once; otherwise it registers a reader (writer) that retries the call
/// when epoll reports readiness, and waits on a future whose done callback
/// removes the reader (writer). Errors are cosm::OSError (ConnectionReset-,
/// BrokenPipe-, ConnectionRefusedError) with the errno text. Sends use
/// MSG_NOSIGNAL: a vanished peer is an exception, never a SIGPIPE.
///
/// Differences from asyncio: sockets are plain fds (the caller owns them and
/// makes them non-blocking: ValueError otherwise); sock_accept returns the
/// new fd (non-blocking, close-on-exec) without the address; sock_connect
/// takes a numeric IPv4 address and a port.
///
//===----------------------------------------------------------------------===//
#ifndef COSM_SOCKETS_HPP
#define COSM_SOCKETS_HPP

#include "cosm/frame.hpp"

#include <cstddef>
#include <string>

namespace cosm {

/// Reads up to N bytes; "" at end of stream.
Coro<std::string> sock_recv(int Fd, std::size_t N);
/// Sends all of Data.
Coro<void> sock_sendall(int Fd, std::string Data);
/// Accepts a connection on a listening socket; returns its fd.
Coro<int> sock_accept(int Fd);
/// Connects to Host:Port (numeric IPv4, e.g. "127.0.0.1").
Coro<void> sock_connect(int Fd, std::string Host, int Port);

/// Helpers for programs and tests (blocking calls that never wait): a
/// non-blocking TCP socket; a listening one bound to Host:Port (port 0: any);
/// the port a socket is bound to; close(). OSError on failure.
int tcp_socket();
int tcp_listen(const std::string &Host, int Port, int Backlog = 128);
int socket_port(int Fd);
void close_socket(int Fd);

} // namespace cosm

#endif // COSM_SOCKETS_HPP
