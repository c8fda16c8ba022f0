//===- datagram.cpp - UDP endpoints
//----------------------------------------===//
///
/// \file
/// DatagramState is selector_events._SelectorDatagramTransport (with the
/// parts of _SelectorTransport it uses), rule for rule;
/// DatagramEndpointFrame is base_events.create_datagram_endpoint.
///
//===----------------------------------------------------------------------===//
#include "cosm/datagrams.hpp"

#include "address.hpp"
#include "cosm/loop.hpp"
#include "cosm/task.hpp"
#include "debug.hpp"
#include "os_error.hpp"

#include <algorithm>
#include <deque>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

namespace cosm {

void DatagramProtocol::connection_made(DatagramTransport) {}
void DatagramProtocol::datagram_received(std::string, SocketAddress) {}
void DatagramProtocol::error_received(const OSError &) {}
void DatagramProtocol::connection_lost(std::exception_ptr) {}

namespace detail {
namespace {
/// selector_events' max_size: the largest datagram read.
constexpr std::size_t RecvSize = 256 * 1024;
/// The transport's default write buffer limits (high, low = high / 4).
constexpr std::size_t WriteHighWater = 64 * 1024;
constexpr std::size_t WriteLowWater = WriteHighWater / 4;
/// constants.LOG_THRESHOLD_FOR_CONNLOST_WRITES
constexpr int ConnLostWriteWarning = 5;

/// Calls error_received with the OSError E holds.
void reportError(DatagramProtocol &P, const std::exception_ptr &E) {
  try {
    std::rethrow_exception(E);
  } catch (const OSError &X) {
    P.error_received(X);
  }
}
} // namespace

struct DatagramState : RefCounted {
  DatagramState(Loop &L, int Fd, std::shared_ptr<DatagramProtocol> Protocol,
                std::optional<SocketAddress> Address)
      : L(&L), Fd(Fd), Protocol(std::move(Protocol)),
        Address(std::move(Address)), Local(localAddress(Fd)),
        Peer(peerAddress(Fd)) {}
  ~DatagramState() override {
    if (Fd >= 0)
      ::close(Fd);
  }

  /// The constructor's tail: connection_made, the reader, then the waiter,
  /// each through call_soon.
  void start(Ref<FutureImpl<void>> Waiter) {
    Ref<DatagramState> Self(this);
    L->call_soon([Self] {
      if (Self->Protocol)
        Self->Protocol->connection_made(DatagramTransport(Self));
    });
    L->call_soon([Self] {
      if (!Self->Closing)
        Self->L->add_reader(Self->Fd, [Self] { Self->readReady(); });
    });
    L->call_soon([Waiter] {
      if (!Waiter->cancelled())
        Waiter->setResult();
    });
  }

  /// The public handle (its constructor is private).
  static DatagramTransport handleOf(Ref<DatagramState> S) {
    return DatagramTransport(std::move(S));
  }
  bool connected() const noexcept { return !Peer.host.empty() || Peer.port; }
  std::size_t bufferSize() const noexcept { return BufSize; }

  void readReady() {
    if (ConnLost)
      return;
    static thread_local std::unique_ptr<char[]> Chunk(new char[RecvSize]);
    RawAddress From;
    From.Len = sizeof From.Storage;
    ssize_t R = ::recvfrom(Fd, Chunk.get(), RecvSize, 0, From.get(), &From.Len);
    if (R < 0) {
      if (!wouldBlock(errno))
        reportError(*Protocol, osError(errno));
      return;
    }
    Protocol->datagram_received(std::string(Chunk.get(), std::size_t(R)),
                                fromRaw(From.get(), From.Len));
  }

  /// One send; -1 with errno on failure.
  ssize_t sendOne(const std::string &Data, const RawAddress &To) {
    if (connected())
      return ::send(Fd, Data.data(), Data.size(), MSG_NOSIGNAL);
    return ::sendto(Fd, Data.data(), Data.size(), MSG_NOSIGNAL, To.get(),
                    To.Len);
  }

  void sendto(std::string_view Data, std::optional<SocketAddress> Addr) {
    if (Data.empty())
      return;
    if (Address) {
      if (Addr && *Addr != *Address)
        throw ValueError("Invalid address: must be None or " +
                         Address->to_string());
      Addr = Address;
    }
    if (ConnLost && Address) {
      if (ConnLost >= ConnLostWriteWarning)
        logError("socket.send() raised exception.");
      ++ConnLost;
      return;
    }
    // asyncio's transport fails here too (it reports the send's error to
    // a protocol it no longer has): cosm says why.
    if (!Protocol)
      throw RuntimeError("sendto() on a datagram transport whose connection "
                         "was lost (it was closed)");
    RawAddress To;
    if (!connected()) {
      if (!Addr)
        throw ValueError("sendto() needs an address: the transport is not "
                         "connected");
      if (!Addr->family && Local.family == AF_UNIX)
        Addr->family = AF_UNIX; // a path, not a host
      try {
        To = toRaw(*Addr, "sendto");
      } catch (const OverflowError &) {
        // socket.sendto raised: asyncio's _fatal_error.
        logError("Fatal write error on datagram transport");
        forceClose(std::current_exception());
        return;
      }
    }
    std::string Copy(Data);
    if (Buffer.empty()) {
      if (sendOne(Copy, To) >= 0)
        return;
      if (!wouldBlock(errno)) {
        reportError(*Protocol, osError(errno));
        return;
      }
      L->add_writer(Fd,
                    [Self = Ref<DatagramState>(this)] { Self->sendtoReady(); });
    }
    BufSize += Copy.size();
    Buffer.push_back({std::move(Copy), To});
    maybePauseProtocol();
  }

  void sendtoReady() {
    while (!Buffer.empty()) {
      Pending &P = Buffer.front();
      if (sendOne(P.Data, P.To) < 0) {
        if (wouldBlock(errno))
          break; // try again later
        BufSize -= P.Data.size();
        Buffer.pop_front();
        reportError(*Protocol, osError(errno));
        return;
      }
      BufSize -= P.Data.size();
      Buffer.pop_front();
    }
    maybeResumeProtocol();
    if (Buffer.empty()) {
      L->remove_writer(Fd);
      if (Closing)
        callConnectionLost(nullptr);
    }
  }

  void maybePauseProtocol() {
    if (bufferSize() <= WriteHighWater || WritePaused)
      return;
    WritePaused = true;
    Protocol->pause_writing();
  }
  void maybeResumeProtocol() {
    if (WritePaused && bufferSize() <= WriteLowWater) {
      WritePaused = false;
      Protocol->resume_writing();
    }
  }

  void close() {
    if (Closing)
      return;
    Closing = true;
    L->remove_reader(Fd);
    if (!Buffer.empty())
      return;
    ++ConnLost;
    L->remove_writer(Fd);
    L->call_soon([Self = Ref<DatagramState>(this)] {
      Self->callConnectionLost(nullptr);
    });
  }

  void forceClose(std::exception_ptr E) {
    if (ConnLost)
      return;
    if (!Buffer.empty()) {
      Buffer.clear();
      BufSize = 0;
      L->remove_writer(Fd);
    }
    if (!Closing) {
      Closing = true;
      L->remove_reader(Fd);
    }
    ++ConnLost;
    L->call_soon(
        [Self = Ref<DatagramState>(this), E] { Self->callConnectionLost(E); });
  }

  void callConnectionLost(std::exception_ptr E) {
    Ref<DatagramState> Self(this);
    std::shared_ptr<DatagramProtocol> P = std::move(Protocol);
    if (Fd >= 0) {
      L->remove_reader(Fd);
      L->remove_writer(Fd);
    }
    struct CloseFd {
      DatagramState *S;
      ~CloseFd() {
        if (S->Fd >= 0)
          ::close(std::exchange(S->Fd, -1));
      }
    } Closer{this};
    if (P)
      P->connection_lost(E);
  }

  struct Pending {
    std::string Data;
    RawAddress To;
  };

  Loop *L;
  int Fd;
  /// Dropped after connection_lost (asyncio sets _protocol to None).
  std::shared_ptr<DatagramProtocol> Protocol;
  /// The remote address of a connected transport (asyncio's _address).
  std::optional<SocketAddress> Address;
  SocketAddress Local, Peer;
  std::deque<Pending> Buffer;
  std::size_t BufSize = 0;
  bool Closing = false;
  bool WritePaused = false;
  int ConnLost = 0;
};

namespace {

using Endpoint =
    std::pair<DatagramTransport, std::shared_ptr<DatagramProtocol>>;

/// One (family, proto) of create_datagram_endpoint with its local and
/// remote address.
struct AddrPair {
  int Family;
  int Proto;
  std::optional<SocketAddress> Local, Remote;
};

class DatagramEndpointFrame final : public Frame<Endpoint> {
public:
  DatagramEndpointFrame(DatagramProtocolFactory Factory,
                        std::optional<SocketAddress> LocalAddr,
                        std::optional<SocketAddress> RemoteAddr, int Family,
                        bool ReusePort, bool AllowBroadcast)
      : Factory(std::move(Factory)), LocalAddr(std::move(LocalAddr)),
        RemoteAddr(std::move(RemoteAddr)), Family(Family), ReusePort(ReusePort),
        AllowBroadcast(AllowBroadcast) {}
  ~DatagramEndpointFrame() override { unwind(); }

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
    if (!LocalAddr && !RemoteAddr) {
      if (Family == 0)
        throw ValueError("unexpected address family");
      Pairs.push_back({Family, 0, std::nullopt, std::nullopt});
      goto open;
    }
    if (Family == AF_UNIX) {
      for (auto *A : {&LocalAddr, &RemoteAddr})
        if (*A)
          (*A)->family = AF_UNIX;
      removeStaleSocket();
      Pairs.push_back({AF_UNIX, 0, LocalAddr, RemoteAddr});
      goto open;
    }
    if (!LocalAddr)
      goto remote;
    Resolve =
        ensureResolved(LocalAddr->host, LocalAddr->port, Family, SOCK_DGRAM);
  resume_1:
    if (Resolve.step() == Step::Suspended) {
      state = 1;
      return Step::Suspended;
    }
    addInfos(Resolve.take_result(), false);
  remote:
    if (!RemoteAddr)
      goto pairs;
    Resolve =
        ensureResolved(RemoteAddr->host, RemoteAddr->port, Family, SOCK_DGRAM);
  resume_2:
    if (Resolve.step() == Step::Suspended) {
      state = 2;
      return Step::Suspended;
    }
    addInfos(Resolve.take_result(), true);
  pairs:
    // Only the families that have every address asked for.
    Pairs.erase(std::remove_if(Pairs.begin(), Pairs.end(),
                               [&](const AddrPair &P) {
                                 return (LocalAddr && !P.Local) ||
                                        (RemoteAddr && !P.Remote);
                               }),
                Pairs.end());
    if (Pairs.empty())
      throw ValueError("can not get address information");
  open:
    openSocket();
    {
      Loop &L = get_running_loop();
      std::shared_ptr<DatagramProtocol> P = Factory();
      if (!P)
        throw ValueError("the protocol factory returned no protocol");
      Proto = P;
      St = new DatagramState(L, std::exchange(Fd, -1), std::move(P), RAddr);
      Waiter = new FutureImpl<void>(&L, {"create_datagram_endpoint", 0});
      St->start(Waiter);
      state = 3;
      return suspendOn(*Waiter);
    }
  resume_3:
    try {
      resume_point();
      Waiter->result();
    } catch (...) {
      St->close();
      throw;
    }
    return_value(Endpoint(DatagramState::handleOf(St), std::move(Proto)));
    return finish();
  }
  void unwind() noexcept override {
    Resolve = {};
    if (Fd >= 0)
      ::close(std::exchange(Fd, -1));
  }
  const char *function_name() const noexcept override {
    return "create_datagram_endpoint";
  }

private:
  /// The addresses of a lookup, grouped by (family, proto) in order.
  void addInfos(const std::vector<AddrInfo> &Infos, bool Remote) {
    if (Infos.empty())
      throw OSError("getaddrinfo() returned empty list");
    for (const AddrInfo &I : Infos) {
      auto It =
          std::find_if(Pairs.begin(), Pairs.end(), [&](const AddrPair &P) {
            return P.Family == I.family && P.Proto == I.proto;
          });
      if (It == Pairs.end())
        It = Pairs.insert(Pairs.end(),
                          {I.family, I.proto, std::nullopt, std::nullopt});
      (Remote ? It->Remote : It->Local) = I.sockaddr;
    }
  }
  void removeStaleSocket() {
    if (!LocalAddr || LocalAddr->host.empty() || LocalAddr->host[0] == '\0')
      return;
    struct stat S;
    if (::stat(LocalAddr->host.c_str(), &S) == 0 && S_ISSOCK(S.st_mode))
      ::unlink(LocalAddr->host.c_str());
  }
  /// The first pair whose socket opens, binds and connects; else the first
  /// OSError.
  void openSocket() {
    std::exception_ptr First;
    for (const AddrPair &P : Pairs) {
      try {
        Fd = ::socket(P.Family, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC,
                      P.Proto);
        if (Fd < 0)
          throwOsError(errno);
        int One = 1;
        if (ReusePort &&
            ::setsockopt(Fd, SOL_SOCKET, SO_REUSEPORT, &One, sizeof One) != 0)
          throw ValueError("reuse_port not supported by socket module, "
                           "SO_REUSEPORT defined but not implemented.");
        if (AllowBroadcast)
          ::setsockopt(Fd, SOL_SOCKET, SO_BROADCAST, &One, sizeof One);
        if (LocalAddr) {
          RawAddress Raw = toRaw(*P.Local, "bind");
          if (::bind(Fd, Raw.get(), Raw.Len) != 0)
            throwOsError(errno);
        }
        if (RemoteAddr) {
          // sock_connect: a datagram connect completes at once.
          if (!AllowBroadcast) {
            RawAddress Raw = toRaw(*P.Remote, "connect");
            if (::connect(Fd, Raw.get(), Raw.Len) != 0)
              throwOsError(errno);
          }
          RAddr = P.Remote;
        }
        return;
      } catch (const OSError &) {
        if (Fd >= 0)
          ::close(std::exchange(Fd, -1));
        if (!First)
          First = std::current_exception();
      }
    }
    std::rethrow_exception(First);
  }

  DatagramProtocolFactory Factory;
  std::optional<SocketAddress> LocalAddr, RemoteAddr;
  int Family;
  bool ReusePort, AllowBroadcast;
  std::vector<AddrPair> Pairs;
  Coro<std::vector<AddrInfo>> Resolve;
  int Fd = -1;
  std::optional<SocketAddress> RAddr;
  std::shared_ptr<DatagramProtocol> Proto;
  Ref<DatagramState> St;
  Ref<FutureImpl<void>> Waiter;
};

} // namespace
} // namespace detail

using detail::Ref;

DatagramTransport::DatagramTransport(const DatagramTransport &) = default;
DatagramTransport::DatagramTransport(DatagramTransport &&) noexcept = default;
DatagramTransport &
DatagramTransport::operator=(const DatagramTransport &) = default;
DatagramTransport &
DatagramTransport::operator=(DatagramTransport &&) noexcept = default;
DatagramTransport::~DatagramTransport() = default;
DatagramTransport::DatagramTransport(Ref<detail::DatagramState> S)
    : S(std::move(S)) {}

void DatagramTransport::sendto(std::string_view Data,
                               std::optional<SocketAddress> Addr) const {
  S->sendto(Data, std::move(Addr));
}
void DatagramTransport::close() const { S->close(); }
void DatagramTransport::abort() const { S->forceClose(nullptr); }
bool DatagramTransport::is_closing() const noexcept { return S->Closing; }
SocketAddress DatagramTransport::sockname() const { return S->Local; }
SocketAddress DatagramTransport::peername() const { return S->Peer; }
int DatagramTransport::fd() const noexcept { return S->Fd; }
std::size_t DatagramTransport::get_write_buffer_size() const noexcept {
  return S->bufferSize();
}

Coro<std::pair<DatagramTransport, std::shared_ptr<DatagramProtocol>>>
create_datagram_endpoint(DatagramProtocolFactory Factory,
                         std::optional<SocketAddress> LocalAddr,
                         std::optional<SocketAddress> RemoteAddr, int Family,
                         bool ReusePort, bool AllowBroadcast) {
  if (!Factory)
    throw ValueError("create_datagram_endpoint() needs a protocol factory");
  return Coro<detail::Endpoint>::make_awaited<detail::DatagramEndpointFrame>(
      std::move(Factory), std::move(LocalAddr), std::move(RemoteAddr), Family,
      ReusePort, AllowBroadcast);
}

} // namespace cosm
