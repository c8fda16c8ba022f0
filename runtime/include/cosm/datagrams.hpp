//===- cosm/datagrams.hpp - UDP endpoints ----------------------*- C++ -*-===//
///
/// \file
/// asyncio's loop.create_datagram_endpoint (base_events.py, 3.11) and the
/// datagram transport beneath it (selector_events._SelectorDatagramTransport):
/// a protocol object receives connection_made, datagram_received,
/// error_received and connection_lost in the order asyncio calls them.
///
/// - connection_made runs in the pass after the transport is made, reading
///   starts in the same pass, and create_datagram_endpoint returns once
///   both ran.
/// - sendto() never waits: it sends at once when nothing is buffered and
///   buffers the rest for when the socket is writable. An OSError from a
///   send or a receive (a connected socket's ICMP "connection refused"
///   arrives this way) goes to error_received; the transport stays open.
/// - close() closes once the buffer is sent; connection_lost(nullptr) runs
///   a pass later. abort() drops the buffer.
///
/// Differences from asyncio: the protocol is a class derived from
/// DatagramProtocol, made by a factory returning a std::shared_ptr; bytes
/// are std::string; sendto() takes a numeric address (asyncio's socket
/// would resolve a name there, blocking the loop); no sock= argument. The
/// transport and the protocol keep each other alive until
/// connection_lost, as in asyncio: close the transport.
///
//===----------------------------------------------------------------------===//
#ifndef COSM_DATAGRAMS_HPP
#define COSM_DATAGRAMS_HPP

#include "cosm/errors.hpp"
#include "cosm/frame.hpp"
#include "cosm/ref.hpp"
#include "cosm/sockets.hpp"

#include <cstddef>
#include <exception>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace cosm {

namespace detail {
struct DatagramState;
} // namespace detail

class DatagramTransport;

/// asyncio.DatagramProtocol: override what you need; the defaults do
/// nothing.
class DatagramProtocol {
public:
  virtual ~DatagramProtocol() = default;
  virtual void connection_made(DatagramTransport Transport);
  virtual void datagram_received(std::string Data, SocketAddress Addr);
  /// A send or receive failed (an OSError, e.g. ConnectionRefusedError).
  virtual void error_received(const OSError &Exc);
  /// The transport is closed: null after close(), else the error.
  virtual void connection_lost(std::exception_ptr Exc);
  /// Flow control: the write buffer went above 64 KiB / back under 16 KiB.
  virtual void pause_writing() {}
  virtual void resume_writing() {}
};

/// asyncio.DatagramTransport, a shared handle.
class DatagramTransport {
public:
  DatagramTransport(const DatagramTransport &);
  DatagramTransport(DatagramTransport &&) noexcept;
  DatagramTransport &operator=(const DatagramTransport &);
  DatagramTransport &operator=(DatagramTransport &&) noexcept;
  ~DatagramTransport();

  /// Sends Data to Addr; a connected transport takes no address (or its
  /// own: ValueError otherwise). Empty data is ignored.
  void sendto(std::string_view Data,
              std::optional<SocketAddress> Addr = std::nullopt) const;
  /// Closes once the buffer is sent; connection_lost(nullptr) follows.
  void close() const;
  /// Closes at once, dropping the buffer.
  void abort() const;
  bool is_closing() const noexcept;
  /// get_extra_info('sockname') / ('peername'); peername is empty (no
  /// host, port 0) on an unconnected transport; 'socket' is fd() (-1 once
  /// closed).
  SocketAddress sockname() const;
  SocketAddress peername() const;
  int fd() const noexcept;
  std::size_t get_write_buffer_size() const noexcept;

private:
  friend struct detail::DatagramState;
  explicit DatagramTransport(detail::Ref<detail::DatagramState> S);
  detail::Ref<detail::DatagramState> S;
};

/// Makes a protocol (asyncio's protocol_factory).
using DatagramProtocolFactory =
    std::function<std::shared_ptr<DatagramProtocol>()>;

/// asyncio's loop.create_datagram_endpoint: a UDP socket bound to
/// LocalAddr and/or connected to RemoteAddr (names resolve on the default
/// executor; each address family getaddrinfo gives is tried in order),
/// or, with Family AF_UNIX, a Unix datagram socket (paths in host). With
/// neither address Family must be given (ValueError "unexpected address
/// family"). ReusePort sets SO_REUSEPORT; AllowBroadcast sets SO_BROADCAST
/// (and, as in asyncio, leaves the socket unconnected).
Coro<std::pair<DatagramTransport, std::shared_ptr<DatagramProtocol>>>
create_datagram_endpoint(DatagramProtocolFactory Factory,
                         std::optional<SocketAddress> LocalAddr,
                         std::optional<SocketAddress> RemoteAddr = std::nullopt,
                         int Family = 0, bool ReusePort = false,
                         bool AllowBroadcast = false);

} // namespace cosm

#endif // COSM_DATAGRAMS_HPP
