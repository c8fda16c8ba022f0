//===- cosm/streams.hpp - Streams over TCP connections ---------*- C++ -*-===//
///
/// \file
/// asyncio's streams (CPython 3.11 streams.py over selector_events.py's
/// socket transport): open_connection() and start_server() give a
/// StreamReader/StreamWriter pair per connection.
///
/// - A reader buffers what the transport receives; read(), readline(),
///   readuntil() and readexactly() return from the buffer without yielding
///   when it holds enough, else wait for data_received/eof. Reading stops
///   (the fd leaves epoll) while the buffer holds more than 2 * limit bytes.
/// - write() never waits: it tries send() at once when nothing is buffered
///   and buffers the rest, sent when epoll reports the fd writable. drain()
///   waits while more than 64 KiB are buffered (asyncio's high-water mark;
///   it resumes at 16 KiB) and raises the connection's error once the peer
///   is gone.
/// - A vanished peer never stops the loop: sends use MSG_NOSIGNAL; errors
///   reach the reader (and drain) as cosm::OSError / ConnectionError with
///   the errno text.
///
/// Differences from asyncio: bytes are std::string; no SSL; start_server
/// takes one host (not a list); no sock= arguments; the client_connected_cb
/// must return Coro<void> (it is wrapped in a task).
///
//===----------------------------------------------------------------------===//
#ifndef COSM_STREAMS_HPP
#define COSM_STREAMS_HPP

#include "cosm/errors.hpp"
#include "cosm/frame.hpp"
#include "cosm/ref.hpp"
#include "cosm/sockets.hpp"

#include <cstddef>
#include <cstdint>
#include <exception>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cosm {

/// asyncio's _DEFAULT_LIMIT: 64 KiB.
inline constexpr std::size_t stream_default_limit = 64 * 1024;

/// The stream ended before the requested bytes arrived
/// (asyncio.IncompleteReadError). partial() holds what was read;
/// expected() is empty for readuntil() (Python's None, "undefined" in
/// the message).
class IncompleteReadError : public Error {
public:
  IncompleteReadError(std::string Partial, std::optional<std::size_t> Expected)
      : Error(
            std::to_string(Partial.size()) + " bytes read on a total of " +
            (Expected ? std::to_string(*Expected) : std::string("undefined")) +
            " expected bytes"),
        Partial(std::move(Partial)), Expected(Expected) {}
  const std::string &partial() const noexcept { return Partial; }
  std::optional<std::size_t> expected() const noexcept { return Expected; }

private:
  std::string Partial;
  std::optional<std::size_t> Expected;
};

/// readuntil() found no separator within the limit
/// (asyncio.LimitOverrunError). consumed() bytes may be discarded.
class LimitOverrunError : public Error {
public:
  LimitOverrunError(const std::string &Message, std::size_t Consumed)
      : Error(Message), Consumed(Consumed) {}
  std::size_t consumed() const noexcept { return Consumed; }

private:
  std::size_t Consumed;
};

namespace detail {
struct ReaderState;
struct Connection;
struct ServerState;
struct ServerAccess;
} // namespace detail

/// The reading half of a connection (asyncio.StreamReader). A shared
/// handle: copies refer to the same reader. A default-constructed reader is
/// not attached to a transport; feed_data()/feed_eof() fill it (tests).
class StreamReader {
public:
  StreamReader();
  explicit StreamReader(std::size_t Limit);
  // Defined where the shared state is a complete type.
  StreamReader(const StreamReader &);
  StreamReader(StreamReader &&) noexcept;
  StreamReader &operator=(const StreamReader &);
  StreamReader &operator=(StreamReader &&) noexcept;
  ~StreamReader();

  /// Up to N bytes (N < 0: until EOF); "" at EOF.
  Coro<std::string> read(std::ptrdiff_t N = -1) const;
  /// A line ending in "\n" (without it at EOF: the partial line). A line
  /// longer than the limit raises ValueError (and is discarded).
  Coro<std::string> readline() const;
  /// Bytes up to and including Separator. IncompleteReadError at EOF,
  /// LimitOverrunError when the limit is exceeded (nothing is consumed).
  Coro<std::string> readuntil(std::string Separator = "\n") const;
  /// Exactly N bytes; IncompleteReadError (with the partial bytes) at EOF.
  Coro<std::string> readexactly(std::ptrdiff_t N) const;

  /// EOF was fed and the buffer is empty.
  bool at_eof() const noexcept;
  void feed_data(std::string_view Data) const;
  void feed_eof() const;
  void set_exception(std::exception_ptr E) const;
  std::exception_ptr exception() const noexcept;
  std::size_t limit() const noexcept;

private:
  friend struct detail::Connection;
  explicit StreamReader(detail::Ref<detail::ReaderState> S);
  detail::Ref<detail::ReaderState> S;
};

/// The writing half of a connection (asyncio.StreamWriter), a shared handle.
class StreamWriter {
public:
  // Defined where the shared state is a complete type.
  StreamWriter(const StreamWriter &);
  StreamWriter(StreamWriter &&) noexcept;
  StreamWriter &operator=(const StreamWriter &);
  StreamWriter &operator=(StreamWriter &&) noexcept;
  ~StreamWriter();
  /// Sends or buffers Data; never waits. Once the connection is lost (or
  /// closed with nothing left to send) the data is dropped, as asyncio
  /// does; RuntimeError after write_eof().
  void write(std::string_view Data) const;
  void writelines(const std::vector<std::string> &Lines) const;
  /// Shuts the sending side down once the buffer is flushed.
  void write_eof() const;
  bool can_write_eof() const noexcept { return true; }
  /// Waits until the write buffer is under the high-water mark; raises the
  /// reader's error or ConnectionResetError once the connection is lost.
  Coro<void> drain() const;
  /// Closes once the buffer is flushed (the fd is closed one pass later).
  void close() const;
  bool is_closing() const noexcept;
  /// Waits until the connection is closed; raises its error if it had one.
  Coro<void> wait_closed() const;
  /// get_extra_info('peername') / ('sockname'); get_extra_info('socket')
  /// is fd() (-1 once closed).
  SocketAddress peername() const;
  SocketAddress sockname() const;
  int fd() const noexcept;
  /// Bytes buffered, not yet sent (transport.get_write_buffer_size()).
  std::size_t write_buffer_size() const noexcept;

private:
  friend struct detail::Connection;
  explicit StreamWriter(detail::Ref<detail::Connection> C);
  detail::Ref<detail::Connection> C;
};

/// Connects to Host:Port (asyncio.open_connection): Host is a name
/// (resolved on the default executor), a numeric IPv4 or IPv6 address;
/// each address getaddrinfo gives is tried in order. Family (AF_INET,
/// AF_INET6; 0: any) restricts the lookup; LocalAddr binds the socket
/// first (asyncio's local_addr). gaierror when the name does not resolve;
/// the error of the one address tried, or "Multiple exceptions: ..." when
/// several failed differently.
Coro<std::pair<StreamReader, StreamWriter>>
open_connection(std::string Host, int Port,
                std::size_t Limit = stream_default_limit, int Family = 0,
                std::optional<SocketAddress> LocalAddr = std::nullopt);

/// Connects to the Unix socket at Path (asyncio.open_unix_connection); a
/// Path starting with '\0' is a Linux abstract name.
Coro<std::pair<StreamReader, StreamWriter>>
open_unix_connection(std::string Path,
                     std::size_t Limit = stream_default_limit);

/// What start_server() calls for each connection; the coroutine it returns
/// runs in a task of its own.
using ClientConnected = std::function<Coro<void>(StreamReader, StreamWriter)>;

/// A listening server (asyncio.Server), a shared handle.
class Server {
public:
  Server() noexcept;
  // Defined where the shared state is a complete type.
  Server(const Server &);
  Server(Server &&) noexcept;
  Server &operator=(const Server &);
  Server &operator=(Server &&) noexcept;
  ~Server();
  /// The listening fds (empty once closed); socket_port() gives the port.
  std::vector<int> sockets() const;
  bool is_serving() const noexcept;
  /// Stops listening and closes the listening sockets. Open connections
  /// stay open.
  void close() const;
  /// asyncio 3.11's: returns at once if the server is already closed, else
  /// waits until it is closed and its connections are gone.
  Coro<void> wait_closed() const;
  Coro<void> start_serving() const;
  /// Serves until cancelled; cancellation closes the server.
  Coro<void> serve_forever() const;

private:
  friend struct detail::ServerAccess;
  explicit Server(detail::Ref<detail::ServerState> S);
  /// S, or RuntimeError for a default-constructed Server.
  const detail::Ref<detail::ServerState> &state() const;
  detail::Ref<detail::ServerState> S;
};

/// Listens on Host:Port (port 0: any free port) and starts serving
/// (asyncio.start_server): each accepted connection calls Cb(reader,
/// writer) and runs the coroutine in a new task. Host is resolved with
/// AI_PASSIVE and one socket listens on each address (IPV6_V6ONLY on
/// IPv6); nullptr or "" means every interface of every family (asyncio's
/// None), e.g. 0.0.0.0 and ::. Family restricts the lookup; ReusePort sets
/// SO_REUSEPORT.
Coro<Server> start_server(ClientConnected Cb, std::string Host, int Port,
                          std::size_t Limit = stream_default_limit,
                          int Backlog = 100, int Family = 0,
                          bool ReusePort = false);
Coro<Server> start_server(ClientConnected Cb, std::nullptr_t Host, int Port,
                          std::size_t Limit = stream_default_limit,
                          int Backlog = 100, int Family = 0,
                          bool ReusePort = false);

/// Listens on the Unix socket Path (asyncio.start_unix_server): a socket
/// file left at Path is removed first; a Path starting with '\0' is a
/// Linux abstract name. As in 3.11, closing the server leaves the file.
Coro<Server> start_unix_server(ClientConnected Cb, std::string Path,
                               std::size_t Limit = stream_default_limit,
                               int Backlog = 100);

} // namespace cosm

#endif // COSM_STREAMS_HPP
