//===- streams.cpp - open_connection, start_server and their Unix twins ---===//
///
/// \file
/// The entry points of asyncio's streams: base_events.create_connection and
/// create_server (and unix_events' create_unix_connection and
/// create_unix_server) up to the transport or the server, which
/// transport.cpp and server.cpp define. Host names resolve on the default
/// executor (address.hpp); addresses are tried in order (no happy eyeballs).
///
//===----------------------------------------------------------------------===//
#include "stream_state.hpp"

#include "cosm/gather.hpp"

#include "address.hpp"
#include "os_error.hpp"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <netdb.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

namespace cosm {
namespace detail {
namespace {

/// Python's repr of an AddressFamily.
std::string familyRepr(int Family) {
  switch (Family) {
  case AF_INET:
    return "<AddressFamily.AF_INET: 2>";
  case AF_INET6:
    return "<AddressFamily.AF_INET6: 10>";
  case AF_UNIX:
    return "<AddressFamily.AF_UNIX: 1>";
  default:
    return std::to_string(Family);
  }
}

/// The OSError asyncio raises when bind() fails in create_connection and
/// create_server.
std::exception_ptr bindError(int Err, const SocketAddress &A) {
  std::string Text = std::strerror(Err);
  for (char &C : Text)
    C = char(std::tolower(static_cast<unsigned char>(C)));
  return osError(Err, "error while attempting to bind on address " +
                          A.to_string() + ": " + Text);
}

int newSocket(int Family, int Type, int Proto) {
  int Fd = ::socket(Family, Type | SOCK_NONBLOCK | SOCK_CLOEXEC, Proto);
  if (Fd < 0)
    throwOsError(errno);
  return Fd;
}

// create_connection up to the connected socket: _ensure_resolved for the
// remote and the local address, then _connect_sock for each address in
// order until one connects. Returns the connected fd.
class ConnectFrame final : public Frame<int> {
public:
  /// Resolves Host:Port (and Local) first.
  ConnectFrame(std::string Host, int Port, int Family,
               std::optional<SocketAddress> Local)
      : Host(std::move(Host)), Port(Port), Family(Family),
        Local(std::move(Local)) {}
  /// Connects to Known as given (create_unix_connection).
  explicit ConnectFrame(std::vector<AddrInfo> Known)
      : Port(0), Family(0), Infos(std::move(Known)), Resolved(true) {}
  ~ConnectFrame() override { unwind(); }

  Step resume() override {
    switch (state) {
    case 1:
      goto resume_1;
    case 2:
      goto resume_2;
    case 3:
      goto resume_3;
    default:
      break;
    }
    if (Resolved)
      goto next;
    Resolve = ensureResolved(Host, Port, Family, SOCK_STREAM);
  resume_1:
    if (Resolve.step() == Step::Suspended) {
      state = 1;
      return Step::Suspended;
    }
    Infos = Resolve.take_result();
    if (Infos.empty())
      throw OSError("getaddrinfo() returned empty list");
    if (!Local)
      goto next;
    Resolve = ensureResolved(Local->host, Local->port, Family, SOCK_STREAM);
  resume_2:
    if (Resolve.step() == Step::Suspended) {
      state = 2;
      return Step::Suspended;
    }
    LocalInfos = Resolve.take_result();
    if (LocalInfos.empty())
      throw OSError("getaddrinfo() returned empty list");
  next:
    if (I == Infos.size())
      fail();
    if (!openSocket(Infos[I])) {
      ++I;
      goto next;
    }
    Connect = connectRaw(Fd, Infos[I].sockaddr);
  resume_3:
    if (Connect.step() == Step::Suspended) {
      state = 3;
      return Step::Suspended;
    }
    if (!connected()) {
      ++I;
      goto next;
    }
    return_value(std::exchange(Fd, -1));
    return finish();
  }
  void unwind() noexcept override {
    Resolve = {};
    Connect = {};
    closeFd();
  }
  const char *function_name() const noexcept override {
    return "create_connection";
  }

private:
  void closeFd() noexcept {
    if (Fd >= 0)
      ::close(std::exchange(Fd, -1));
  }
  /// _connect_sock up to sock_connect: the socket, bound to a local
  /// address of its family if one was given. false: the error is recorded.
  bool openSocket(const AddrInfo &Info) {
    try {
      Fd = newSocket(Info.family, Info.type, Info.proto);
    } catch (const OSError &) {
      Errors.push_back(std::current_exception());
      return false;
    }
    if (!Local)
      return true;
    std::vector<std::exception_ptr> BindErrors;
    for (const AddrInfo &L : LocalInfos) {
      if (L.family != Info.family)
        continue; // skip local addresses of another family
      RawAddress Raw = toRaw(L.sockaddr, "bind");
      if (::bind(Fd, Raw.get(), Raw.Len) == 0)
        return true;
      BindErrors.push_back(bindError(errno, L.sockaddr));
    }
    closeFd();
    if (BindErrors.empty())
      Errors.push_back(std::make_exception_ptr(OSError(
          "no matching local address with family=" + familyRepr(Info.family) +
          " found")));
    Errors.insert(Errors.end(), BindErrors.begin(), BindErrors.end());
    return false;
  }
  /// The outcome of sock_connect: true when connected, false when an
  /// OSError was recorded; anything else propagates.
  bool connected() {
    try {
      Connect.take_result();
      return true;
    } catch (const OSError &) {
      Errors.push_back(std::current_exception());
      closeFd();
      return false;
    }
  }
  /// Every address failed: one error, or one that stands for all when
  /// their texts agree, else "Multiple exceptions: ...".
  [[noreturn]] void fail() {
    if (Errors.size() == 1)
      std::rethrow_exception(Errors[0]);
    std::vector<std::string> Texts;
    for (const std::exception_ptr &E : Errors) {
      try {
        std::rethrow_exception(E);
      } catch (const std::exception &X) {
        Texts.push_back(X.what());
      }
    }
    bool Same = true;
    for (const std::string &T : Texts)
      Same = Same && T == Texts[0];
    if (Same)
      std::rethrow_exception(Errors[0]);
    std::string Message = "Multiple exceptions: ";
    for (std::size_t K = 0; K < Texts.size(); ++K)
      Message += (K ? ", " : "") + Texts[K];
    throw OSError(Message);
  }

  std::string Host;
  int Port;
  int Family;
  std::optional<SocketAddress> Local;
  std::vector<AddrInfo> Infos, LocalInfos;
  bool Resolved = false;
  std::size_t I = 0;
  int Fd = -1;
  std::vector<std::exception_ptr> Errors;
  Coro<std::vector<AddrInfo>> Resolve;
  Coro<void> Connect;
};

// open_connection / open_unix_connection: the reader, the connected socket,
// then the transport and `await waiter` (_create_connection_transport).
class OpenConnectionFrame final
    : public Frame<std::pair<StreamReader, StreamWriter>> {
public:
  OpenConnectionFrame(const char *Name, Coro<int> Connect, std::size_t Limit)
      : Name(Name), Limit(Limit), Connect(std::move(Connect)) {}
  ~OpenConnectionFrame() override { unwind(); }
  Step resume() override {
    switch (state) {
    case 1:
      goto resume_1;
    case 2:
      goto resume_2;
    default:
      break;
    }
    Reader = new ReaderState(Limit);
  resume_1:
    if (Connect.step() == Step::Suspended) {
      state = 1;
      return Step::Suspended;
    }
    Conn = new Connection(get_running_loop(), Connect.take_result(), Reader,
                          nullptr);
    Waiter = new FutureImpl<void>(Conn->L, {Name, 0});
    Conn->start(Waiter);
    state = 2;
    return suspendOn(*Waiter);
  resume_2:
    try {
      resume_point();
      Waiter->result();
    } catch (...) {
      Conn->close();
      throw;
    }
    return_value(std::make_pair(Connection::readerOf(Reader),
                                Connection::writerOf(Conn)));
    return finish();
  }
  void unwind() noexcept override { Connect.close(); }
  const char *function_name() const noexcept override { return Name; }

private:
  const char *Name;
  std::size_t Limit;
  Coro<int> Connect;
  Ref<ReaderState> Reader;
  Ref<Connection> Conn;
  Ref<FutureImpl<void>> Waiter;
};

/// The listening sockets of create_server: one per address (in
/// getaddrinfo's order, without repeats), SO_REUSEADDR, IPV6_V6ONLY on
/// IPv6, bound, listening.
std::vector<int> bindAll(const std::vector<AddrInfo> &Infos, bool ReusePort,
                         int Backlog) {
  std::vector<int> Socks;
  try {
    std::vector<SocketAddress> Seen;
    for (const AddrInfo &Info : Infos) {
      if (std::find(Seen.begin(), Seen.end(), Info.sockaddr) != Seen.end())
        continue;
      Seen.push_back(Info.sockaddr);
      int Fd = ::socket(Info.family, Info.type | SOCK_NONBLOCK | SOCK_CLOEXEC,
                        Info.proto);
      if (Fd < 0)
        continue; // asyncio skips a family it cannot open
      Socks.push_back(Fd);
      int One = 1;
      ::setsockopt(Fd, SOL_SOCKET, SO_REUSEADDR, &One, sizeof One);
      if (ReusePort &&
          ::setsockopt(Fd, SOL_SOCKET, SO_REUSEPORT, &One, sizeof One) != 0)
        throw ValueError("reuse_port not supported by socket module, "
                         "SO_REUSEPORT defined but not implemented.");
      if (Info.family == AF_INET6)
        ::setsockopt(Fd, IPPROTO_IPV6, IPV6_V6ONLY, &One, sizeof One);
      RawAddress Raw = toRaw(Info.sockaddr, "bind");
      if (::bind(Fd, Raw.get(), Raw.Len) != 0)
        std::rethrow_exception(bindError(errno, Info.sockaddr));
    }
    // Server._start_serving listens.
    for (int Fd : Socks)
      if (::listen(Fd, Backlog) != 0)
        throwOsError(errno);
  } catch (...) {
    for (int Fd : Socks)
      ::close(Fd);
    throw;
  }
  return Socks;
}

// start_server: create_server's gather() of the address lookups (one task,
// Task-N, for the one host; three passes when the host is numeric), the
// sockets, _start_serving and one more pass (sleep(0)) so that the listening
// sockets are registered. A cancel reaches the lookup through the gather, in
// asyncio's passes.
class StartServerFrame final : public Frame<Server> {
public:
  StartServerFrame(ClientConnected Cb, std::optional<std::string> Host,
                   int Port, std::size_t Limit, int Backlog, int Family,
                   bool ReusePort)
      : Cb(std::move(Cb)), Host(std::move(Host)), Port(Port), Limit(Limit),
        Backlog(Backlog), Family(Family), ReusePort(ReusePort) {}
  ~StartServerFrame() override { unwind(); }
  Step resume() override {
    switch (state) {
    case 1:
      goto resume_1;
    case 2:
      goto resume_2;
    default:
      break;
    }
    Lookups =
        gather(ensureResolved(Host, Port, Family, SOCK_STREAM, 0, AI_PASSIVE));
    if (!Lookups.done()) {
      state = 1;
      return suspend_on(Lookups);
    resume_1:
      resume_point();
    }
    {
      std::vector<AddrInfo> Infos = std::get<0>(Lookups.result());
      Lookups = {};
      if (Limit == 0)
        throw ValueError("Limit cannot be <= 0");
      Ref<ServerState> St(new ServerState(get_running_loop(),
                                          bindAll(Infos, ReusePort, Backlog),
                                          std::move(Cb), Limit, Backlog));
      St->startServing();
      Result = ServerAccess::make(std::move(St));
    }
    state = 2;
    return Step::Suspended;
  resume_2:
    resume_point();
    return_value(std::move(Result));
    return finish();
  }
  void unwind() noexcept override { Lookups = {}; }
  const char *function_name() const noexcept override { return "start_server"; }

private:
  ClientConnected Cb;
  std::optional<std::string> Host;
  int Port;
  std::size_t Limit;
  int Backlog;
  int Family;
  bool ReusePort;
  Future<std::tuple<std::vector<AddrInfo>>> Lookups;
  Server Result;
};

/// create_unix_server's socket: a stale socket file at Path is removed
/// first (not an abstract name); EADDRINUSE names the path.
int unixListen(const std::string &Path, int Backlog) {
  if (Path.empty())
    throw ValueError("path was not specified, and no sock specified");
  SocketAddress A{Path, 0, AF_UNIX};
  RawAddress Raw = toRaw(A, "bind");
  struct stat St;
  if (Path[0] != '\0' && ::stat(Path.c_str(), &St) == 0 && S_ISSOCK(St.st_mode))
    ::unlink(Path.c_str());
  int Fd = newSocket(AF_UNIX, SOCK_STREAM, 0);
  if (::bind(Fd, Raw.get(), Raw.Len) != 0) {
    int Err = errno;
    ::close(Fd);
    if (Err == EADDRINUSE)
      throwOsError(Err, "Address " + strRepr(Path) + " is already in use");
    throwOsError(Err);
  }
  if (::listen(Fd, Backlog) != 0) {
    int Err = errno;
    ::close(Fd);
    throwOsError(Err);
  }
  return Fd;
}

} // namespace
} // namespace detail

using detail::Ref;

Coro<std::pair<StreamReader, StreamWriter>>
open_connection(std::string Host, int Port, std::size_t Limit, int Family,
                std::optional<SocketAddress> LocalAddr) {
  return Coro<std::pair<StreamReader, StreamWriter>>::make_awaited<
      detail::OpenConnectionFrame>(
      "open_connection",
      Coro<int>::make_awaited<detail::ConnectFrame>(
          std::move(Host), Port, Family, std::move(LocalAddr)),
      Limit);
}

Coro<std::pair<StreamReader, StreamWriter>>
open_unix_connection(std::string Path, std::size_t Limit) {
  std::vector<AddrInfo> Known{AddrInfo{
      AF_UNIX, SOCK_STREAM, 0, "", SocketAddress{std::move(Path), 0, AF_UNIX}}};
  return Coro<std::pair<StreamReader, StreamWriter>>::make_awaited<
      detail::OpenConnectionFrame>(
      "open_unix_connection",
      Coro<int>::make_awaited<detail::ConnectFrame>(std::move(Known)), Limit);
}

Coro<Server> start_server(ClientConnected Cb, std::string Host, int Port,
                          std::size_t Limit, int Backlog, int Family,
                          bool ReusePort) {
  if (!Cb)
    throw ValueError("start_server() needs a client_connected_cb");
  // asyncio: host '' means every interface, as None does.
  std::optional<std::string> H;
  if (!Host.empty())
    H = std::move(Host);
  return Coro<Server>::make_awaited<detail::StartServerFrame>(
      std::move(Cb), std::move(H), Port, Limit, Backlog, Family, ReusePort);
}

Coro<Server> start_server(ClientConnected Cb, std::nullptr_t, int Port,
                          std::size_t Limit, int Backlog, int Family,
                          bool ReusePort) {
  return start_server(std::move(Cb), std::string(), Port, Limit, Backlog,
                      Family, ReusePort);
}

Coro<Server> start_unix_server(ClientConnected Cb, std::string Path,
                               std::size_t Limit, int Backlog) {
  if (!Cb)
    throw ValueError("start_unix_server() needs a client_connected_cb");
  // create_unix_server: the socket, _start_serving, then sleep(0).
  auto Then = [Cb = std::move(Cb), Path = std::move(Path), Limit,
               Backlog]() mutable {
    if (Limit == 0)
      throw ValueError("Limit cannot be <= 0");
    int Sock = detail::unixListen(Path, Backlog);
    Ref<detail::ServerState> St(new detail::ServerState(
        get_running_loop(), {Sock}, std::move(Cb), Limit, Backlog));
    St->startServing();
    return detail::ServerAccess::make(std::move(St));
  };
  return Coro<Server>::make_awaited<detail::YieldFrame<decltype(Then), Server>>(
      "start_unix_server", 0, 1, std::move(Then));
}

} // namespace cosm
