//===- cosm/sockets.hpp - Socket coroutines on the loop ---------*- C++ -*-===//
///
/// \file
/// asyncio's loop.sock_recv / sock_sendall / sock_accept / sock_connect
/// (selector_events.py, 3.11) on non-blocking file descriptors. Each tries
/// the system call first and returns without yielding when it completes at
/// once; otherwise it registers a reader (writer) that retries the call
/// when epoll reports readiness, and waits on a future whose done callback
/// removes the reader (writer). Errors are cosm::OSError (ConnectionReset-,
/// BrokenPipe-, ConnectionRefusedError) with the errno text; a connection
/// refused once the connect is under way says "Connect call failed
/// ('127.0.0.1', 8080)", as asyncio's does. Sends use MSG_NOSIGNAL: a
/// vanished peer is an exception, never a SIGPIPE.
///
/// Addresses: sock_connect resolves a host name through getaddrinfo on the
/// default executor (asyncio's _ensure_resolved; numeric addresses need no
/// lookup and no pass), for the socket's family. A failed lookup raises
/// cosm::gaierror; a port outside 0-65535 given with a numeric host raises
/// OverflowError "connect(): port must be 0-65535." (with a name,
/// getaddrinfo takes the port modulo 65536, as in CPython).
///
/// Differences from asyncio: sockets are plain fds (the caller owns them and
/// makes them non-blocking: ValueError otherwise); sock_accept returns the
/// new fd (non-blocking, close-on-exec) without the address.
///
//===----------------------------------------------------------------------===//
#ifndef COSM_SOCKETS_HPP
#define COSM_SOCKETS_HPP

#include "cosm/frame.hpp"

#include <cstddef>
#include <string>
#include <sys/socket.h>

namespace cosm {

/// A socket address as Python spells it: (host, port) for AF_INET, (host,
/// port, flowinfo, scope_id) for AF_INET6, a path for AF_UNIX (in host; a
/// Linux abstract name starts with '\0'). family 0 means "from host": a
/// numeric IPv4 address, else IPv6.
struct SocketAddress {
  std::string host;
  int port = 0;
  int family = 0;
  unsigned flowinfo = 0;
  unsigned scope_id = 0;

  /// Python's repr of the address: "('127.0.0.1', 8080)",
  /// "('::1', 8080, 0, 0)", "'/tmp/sock'", "b'\x00name'"; "None" for a
  /// default-constructed address.
  std::string to_string() const;
};
bool operator==(const SocketAddress &A, const SocketAddress &B);
inline bool operator!=(const SocketAddress &A, const SocketAddress &B) {
  return !(A == B);
}

/// One result of getaddrinfo (Python's (family, type, proto, canonname,
/// sockaddr) tuple).
struct AddrInfo {
  int family = 0;
  int type = 0;
  int proto = 0;
  std::string canonname;
  SocketAddress sockaddr;
};

/// Reads up to N bytes; "" at end of stream.
Coro<std::string> sock_recv(int Fd, std::size_t N);
/// Sends all of Data.
Coro<void> sock_sendall(int Fd, std::string Data);
/// Accepts a connection on a listening socket; returns its fd.
Coro<int> sock_accept(int Fd);
/// Connects to Host:Port, resolving a name for the socket's family.
Coro<void> sock_connect(int Fd, std::string Host, int Port);
/// Connects to an address as given (an AF_UNIX path, or numeric IP).
Coro<void> sock_connect(int Fd, SocketAddress Address);

/// Helpers for programs and tests (blocking calls that never wait): a
/// non-blocking stream socket of Family; a listening TCP socket bound to
/// Host:Port (numeric IPv4 or IPv6; port 0: any); the address and port a
/// socket is bound to; close(). OSError on failure.
int tcp_socket(int Family = AF_INET);
int tcp_listen(const std::string &Host, int Port, int Backlog = 128);
SocketAddress socket_name(int Fd);
int socket_port(int Fd);
void close_socket(int Fd);

} // namespace cosm

#endif // COSM_SOCKETS_HPP
