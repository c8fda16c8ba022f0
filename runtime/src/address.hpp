//===- address.hpp - Socket addresses and name resolution ------*- C++ -*-===//
///
/// \file
/// SocketAddress to and from struct sockaddr, and asyncio's
/// _ensure_resolved: a numeric host becomes its address at once (no pass),
/// a name goes to getaddrinfo on the default executor. Private to the
/// runtime.
///
//===----------------------------------------------------------------------===//
#ifndef COSM_SRC_ADDRESS_HPP
#define COSM_SRC_ADDRESS_HPP

#include "cosm/frame.hpp"
#include "cosm/sockets.hpp"

#include <optional>
#include <string>
#include <sys/socket.h>
#include <vector>

namespace cosm::detail {

/// A struct sockaddr of any family.
struct RawAddress {
  sockaddr_storage Storage{};
  socklen_t Len = 0;
  const sockaddr *get() const noexcept {
    return reinterpret_cast<const sockaddr *>(&Storage);
  }
  sockaddr *get() noexcept { return reinterpret_cast<sockaddr *>(&Storage); }
};

/// Python's repr() of a str.
std::string strRepr(const std::string &S);

/// A numeric address or an AF_UNIX path as a sockaddr. Call names the
/// system call in CPython's messages: OverflowError "connect(): port must
/// be 0-65535."; ValueError for a host that is not numeric.
RawAddress toRaw(const SocketAddress &A, const char *Call);
SocketAddress fromRaw(const sockaddr *A, socklen_t Len);
/// getsockname() / getpeername(); an empty address on failure.
SocketAddress localAddress(int Fd);
SocketAddress peerAddress(int Fd);

/// Python's _ipaddr_info: Host:Port as an address when Host is numeric for
/// Family (0: IPv4 or IPv6), without a lookup.
std::optional<AddrInfo> numericInfo(const std::string &Host, int Port,
                                    int Family, int Type, int Proto);
/// socket.getaddrinfo, blocking: gaierror on failure. No host is None.
std::vector<AddrInfo>
getaddrinfoBlocking(const std::optional<std::string> &Host,
                    const std::optional<std::string> &Port, int Family,
                    int Type, int Proto, int Flags);
/// socket.getnameinfo, blocking.
std::pair<std::string, std::string> getnameinfoBlocking(const SocketAddress &A,
                                                        int Flags);

/// asyncio's _ensure_resolved((Host, Port)): no suspension for a numeric
/// host, else getaddrinfo on the running loop's default executor. No host
/// (None) always takes the lookup.
Coro<std::vector<AddrInfo>> ensureResolved(std::optional<std::string> Host,
                                           int Port, int Family, int Type,
                                           int Proto = 0, int Flags = 0);

/// Connects to one address (the socket coroutine of sock_connect, without
/// the lookup).
Coro<void> connectRaw(int Fd, SocketAddress Address);

} // namespace cosm::detail

#endif // COSM_SRC_ADDRESS_HPP
