//===- streams.cpp - StreamReader, StreamWriter, servers -------------------===//
///
/// \file
/// CPython 3.11's streams.py and the parts of selector_events.py beneath it,
/// rule for rule: ReaderState is StreamReader; Connection is the socket
/// transport together with its StreamReaderProtocol (FlowControlMixin);
/// ServerState is base_events.Server with _accept_connection. The
/// coroutines are hand-written frames (docs/frame-protocol.md).
///
//===----------------------------------------------------------------------===//
#include "cosm/streams.hpp"

#include "cosm/loop.hpp"
#include "cosm/loop_bound.hpp"
#include "cosm/sockets.hpp"
#include "cosm/task.hpp"
#include "cosm/waiters.hpp"
#include "debug.hpp"

#include <algorithm>
#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <deque>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

namespace cosm {
namespace detail {
namespace {

/// selector_events' max_size: the most one recv() asks for.
constexpr std::size_t RecvSize = 256 * 1024;
/// The transport's default write buffer limits (high, low = high / 4).
constexpr std::size_t WriteHighWater = 64 * 1024;
constexpr std::size_t WriteLowWater = WriteHighWater / 4;
/// constants.LOG_THRESHOLD_FOR_CONNLOST_WRITES
constexpr int ConnLostWriteWarning = 5;
/// constants.ACCEPT_RETRY_DELAY
constexpr double AcceptRetryDelay = 1.0;

std::exception_ptr osError(int Err) {
  std::string Text = std::strerror(Err);
  switch (Err) {
  case EPIPE:
  case ESHUTDOWN:
    return std::make_exception_ptr(BrokenPipeError(Err, Text));
  case ECONNRESET:
  case ECONNABORTED:
    return std::make_exception_ptr(ConnectionResetError(Err, Text));
  case ECONNREFUSED:
    return std::make_exception_ptr(ConnectionRefusedError(Err, Text));
  default:
    return std::make_exception_ptr(OSError(Err, Text));
  }
}

bool wouldBlock(int Err) {
  return Err == EAGAIN || Err == EWOULDBLOCK || Err == EINTR;
}

SocketAddress toAddress(const sockaddr_in &A) {
  char Host[INET_ADDRSTRLEN] = {};
  ::inet_ntop(AF_INET, &A.sin_addr, Host, sizeof Host);
  return {Host, ntohs(A.sin_port)};
}

/// Python's bytes.find: the first Sep at or after From, or npos.
std::size_t findFrom(std::string_view Hay, std::string_view Sep,
                     std::size_t From) {
  return From > Hay.size() ? std::string_view::npos : Hay.find(Sep, From);
}

} // namespace

//===-- StreamReader ------------------------------------------------------===//

struct ReaderState : RefCounted {
  explicit ReaderState(std::size_t Limit) : Limit(Limit) {
    if (Limit == 0)
      throw ValueError("Limit cannot be <= 0");
  }

  std::size_t size() const noexcept { return Buf.size() - Head; }
  std::string_view view() const noexcept {
    return std::string_view(Buf).substr(Head);
  }
  /// Removes and returns the first N buffered bytes (N <= size()).
  std::string take(std::size_t N) {
    std::string Out = Buf.substr(Head, N);
    Head += N;
    if (Head == Buf.size()) {
      Buf.clear();
      Head = 0;
    } else if (Head >= 4096 && Head * 2 >= Buf.size()) {
      // Amortised: bytearray's del buf[:n] without the quadratic cost.
      Buf.erase(0, Head);
      Head = 0;
    }
    return Out;
  }
  std::string takeAll() { return take(size()); }

  void wakeupWaiter() {
    if (!Waiter)
      return;
    Ref<FutureImpl<void>> W = std::move(Waiter);
    if (!W->cancelled())
      W->setResult();
  }
  void feedData(std::string_view Data);
  void feedEof() {
    Eof = true;
    wakeupWaiter();
  }
  void setException(std::exception_ptr E) {
    Exc = E;
    if (!Waiter)
      return;
    Ref<FutureImpl<void>> W = std::move(Waiter);
    if (!W->cancelled())
      W->setException(std::move(E));
  }
  void maybeResumeTransport();
  /// _wait_for_data up to the await: the future to wait on.
  Ref<FutureImpl<void>> startWait(const char *FuncName);

  std::size_t Limit;
  std::string Buf;
  std::size_t Head = 0; ///< bytes of Buf already consumed
  bool Eof = false;
  bool Paused = false; ///< reading paused because the buffer is full
  std::exception_ptr Exc;
  Ref<FutureImpl<void>> Waiter;
  /// Cleared by the connection's destructor.
  Connection *Transport = nullptr;
};

//===-- Server state ------------------------------------------------------===//

struct ServerState : RefCounted {
  ServerState(Loop &L, int Sock, ClientConnected Cb, std::size_t Limit,
              int Backlog)
      : L(&L), Socks{Sock}, Cb(std::move(Cb)), Limit(Limit),
        Backlog(Backlog) {}
  ~ServerState() override {
    // Only reached once nothing watches the sockets any more.
    for (int S : Socks)
      ::close(S);
  }

  void attach() { ++Active; }
  void detach() {
    if (--Active == 0 && SocksClosed)
      wakeup();
  }
  void wakeup() {
    WaitersClosed = true;
    std::vector<Ref<FutureImpl<void>>> Ws = std::move(Waiters);
    Waiters.clear();
    for (auto &W : Ws)
      if (!W->done())
        W->setResult();
  }
  void startServing() {
    if (Serving)
      return;
    Serving = true;
    for (int S : Socks)
      L->add_reader(S, [Self = Ref<ServerState>(this), S] {
        Self->acceptReady(S);
      });
  }
  void close();
  void acceptReady(int Sock);

  Loop *L;
  std::vector<int> Socks;
  bool SocksClosed = false; ///< Python's _sockets is None
  int Active = 0;
  std::vector<Ref<FutureImpl<void>>> Waiters;
  bool WaitersClosed = false; ///< Python's _waiters is None
  ClientConnected Cb;
  std::size_t Limit;
  int Backlog;
  bool Serving = false;
  Ref<FutureImpl<void>> ServingForever;
};

//===-- Connection: transport + protocol ----------------------------------===//

struct Connection : RefCounted {
  Connection(Loop &L, int Fd, Ref<ReaderState> Reader, Ref<ServerState> Srv);
  ~Connection() override;

  /// The transport's constructor tail: connection_made, then the reader,
  /// then the creator's waiter, each through call_soon.
  void start(Ref<FutureImpl<void>> Waiter);
  void connectionMade();
  void addReader() {
    if (Closing)
      return;
    L->add_reader(Fd, [C = Ref<Connection>(this)] { C->readReady(); });
  }
  void addWriter() {
    L->add_writer(Fd, [C = Ref<Connection>(this)] { C->writeReady(); });
  }
  void readReady();
  void writeReady();
  void write(std::string_view Data);
  void writeEof();
  void close();
  void forceClose(std::exception_ptr E);
  void callConnectionLost(std::exception_ptr E);
  void connectionLost(const std::exception_ptr &E);
  void pauseReading() {
    if (Closing || ReadPaused)
      return;
    ReadPaused = true;
    L->remove_reader(Fd);
  }
  void resumeReading() {
    if (Closing || !ReadPaused)
      return;
    ReadPaused = false;
    addReader();
  }
  std::size_t bufferSize() const noexcept { return WBuf.size() - WHead; }
  void consumeWritten(std::size_t N) {
    WHead += N;
    if (WHead == WBuf.size()) {
      WBuf.clear();
      WHead = 0;
    }
  }
  void maybeResumeProtocol();

  /// The public handles (their constructors are private).
  static StreamReader readerOf(Ref<ReaderState> S) {
    return StreamReader(std::move(S));
  }
  static StreamWriter writerOf(Ref<Connection> C) {
    return StreamWriter(std::move(C));
  }

  Loop *L;
  int Fd;
  Ref<ReaderState> Reader;
  Ref<ServerState> Srv;
  ClientConnected Cb; ///< server side: what connection_made calls
  Task<void> ClientTask;
  SocketAddress Peer, Local;

  std::string WBuf; ///< the transport's write buffer
  std::size_t WHead = 0;
  bool Closing = false;
  bool WriteEof = false;
  bool ReadPaused = false;
  bool ProtocolConnected = false;
  int ConnLost = 0;
  // FlowControlMixin
  bool WritePaused = false;
  bool Lost = false;
  WaiterQueue<void> DrainWaiters;
  Ref<FutureImpl<void>> Closed;
};

void ReaderState::feedData(std::string_view Data) {
  if (Data.empty())
    return;
  Buf.append(Data);
  wakeupWaiter();
  if (Transport && !Paused && size() > 2 * Limit) {
    Transport->pauseReading();
    Paused = true;
  }
}

void ReaderState::maybeResumeTransport() {
  if (Paused && size() <= Limit) {
    Paused = false;
    if (Transport)
      Transport->resumeReading();
  }
}

Ref<FutureImpl<void>> ReaderState::startWait(const char *FuncName) {
  if (Waiter)
    throw RuntimeError(std::string(FuncName) +
                       "() called while another coroutine is already "
                       "waiting for incoming data");
  // Waiting while paused would deadlock (readexactly(n) with n > limit).
  if (Paused) {
    Paused = false;
    if (Transport)
      Transport->resumeReading();
  }
  Waiter = new FutureImpl<void>(&get_running_loop(), {FuncName, 0});
  return Waiter;
}

Connection::Connection(Loop &Lp, int Fd, Ref<ReaderState> Rd,
                       Ref<ServerState> Sv)
    : L(&Lp), Fd(Fd), Reader(std::move(Rd)), Srv(std::move(Sv)),
      Closed(new FutureImpl<void>(&Lp, {"StreamWriter.wait_closed", 0})) {
  Reader->Transport = this;
  // base_events._set_nodelay
  int One = 1;
  ::setsockopt(Fd, IPPROTO_TCP, TCP_NODELAY, &One, sizeof One);
  sockaddr_in A{};
  socklen_t Len = sizeof A;
  if (::getpeername(Fd, reinterpret_cast<sockaddr *>(&A), &Len) == 0)
    Peer = toAddress(A);
  Len = sizeof A;
  if (::getsockname(Fd, reinterpret_cast<sockaddr *>(&A), &Len) == 0)
    Local = toAddress(A);
}

Connection::~Connection() {
  // An unclosed transport that nobody references (asyncio's __del__
  // closes the socket too).
  if (Fd >= 0)
    ::close(Fd);
  if (Reader && Reader->Transport == this)
    Reader->Transport = nullptr;
}

void Connection::start(Ref<FutureImpl<void>> Waiter) {
  if (Srv)
    Srv->attach();
  Ref<Connection> Self(this);
  L->call_soon([Self] { Self->connectionMade(); });
  L->call_soon([Self] { Self->addReader(); });
  if (Waiter)
    L->call_soon([Waiter] {
      // futures._set_result_unless_cancelled
      if (!Waiter->cancelled())
        Waiter->setResult();
    });
}

void Connection::connectionMade() {
  ProtocolConnected = true;
  if (!Cb)
    return;
  // StreamReaderProtocol with a client_connected_cb: a task per connection.
  Coro<void> Client =
      Cb(StreamReader(Reader), StreamWriter(Ref<Connection>(this)));
  if (Client)
    ClientTask = create_task(std::move(Client));
}

void Connection::readReady() {
  if (ConnLost)
    return;
  static thread_local std::unique_ptr<char[]> Chunk(new char[RecvSize]);
  ssize_t R = ::recv(Fd, Chunk.get(), RecvSize, 0);
  if (R < 0) {
    if (!wouldBlock(errno))
      forceClose(osError(errno)); // _fatal_error
    return;
  }
  if (R == 0) {
    // _read_ready__on_eof: eof_received() keeps the transport open for
    // writing (not over SSL), so only the reader goes.
    Reader->feedEof();
    L->remove_reader(Fd);
    return;
  }
  Reader->feedData(std::string_view(Chunk.get(), std::size_t(R)));
}

void Connection::write(std::string_view Data) {
  if (WriteEof)
    throw RuntimeError("Cannot call write() after write_eof()");
  if (Data.empty())
    return;
  if (ConnLost) {
    if (ConnLost >= ConnLostWriteWarning)
      logError("socket.send() raised exception.");
    ++ConnLost;
    return;
  }
  if (bufferSize() == 0) {
    // Optimisation: try to send now.
    ssize_t N = ::send(Fd, Data.data(), Data.size(), MSG_NOSIGNAL);
    if (N < 0) {
      if (!wouldBlock(errno)) {
        forceClose(osError(errno));
        return;
      }
      N = 0;
    }
    Data.remove_prefix(std::size_t(N));
    if (Data.empty())
      return;
    addWriter();
  }
  WBuf.append(Data);
  // _maybe_pause_protocol: FlowControlMixin.pause_writing
  if (bufferSize() > WriteHighWater)
    WritePaused = true;
}

void Connection::maybeResumeProtocol() {
  if (!WritePaused || bufferSize() > WriteLowWater)
    return;
  // FlowControlMixin.resume_writing
  WritePaused = false;
  DrainWaiters.wakeAll();
}

void Connection::writeReady() {
  if (ConnLost)
    return;
  Ref<Connection> Self(this);
  ssize_t N = ::send(Fd, WBuf.data() + WHead, bufferSize(), MSG_NOSIGNAL);
  if (N < 0) {
    if (wouldBlock(errno))
      return;
    int Err = errno;
    L->remove_writer(Fd);
    WBuf.clear();
    WHead = 0;
    forceClose(osError(Err));
    return;
  }
  consumeWritten(std::size_t(N));
  maybeResumeProtocol();
  if (bufferSize())
    return;
  L->remove_writer(Fd);
  if (Closing)
    callConnectionLost(nullptr);
  else if (WriteEof)
    ::shutdown(Fd, SHUT_WR);
}

void Connection::writeEof() {
  if (Closing || WriteEof)
    return;
  WriteEof = true;
  if (!bufferSize())
    ::shutdown(Fd, SHUT_WR);
}

void Connection::close() {
  if (Closing)
    return;
  Closing = true;
  L->remove_reader(Fd);
  if (bufferSize())
    return; // _write_ready finishes the close once the buffer is sent
  ++ConnLost;
  L->remove_writer(Fd);
  L->call_soon([Self = Ref<Connection>(this)] {
    Self->callConnectionLost(nullptr);
  });
}

void Connection::forceClose(std::exception_ptr E) {
  if (ConnLost)
    return;
  if (bufferSize()) {
    WBuf.clear();
    WHead = 0;
    L->remove_writer(Fd);
  }
  if (!Closing) {
    Closing = true;
    L->remove_reader(Fd);
  }
  ++ConnLost;
  L->call_soon([Self = Ref<Connection>(this), E] {
    Self->callConnectionLost(E);
  });
}

void Connection::callConnectionLost(std::exception_ptr E) {
  Ref<Connection> Self(this);
  if (ProtocolConnected)
    connectionLost(E);
  if (Fd >= 0) {
    L->remove_reader(Fd);
    L->remove_writer(Fd);
    ::close(Fd);
    Fd = -1;
  }
  if (Ref<ServerState> S = std::move(Srv))
    S->detach();
}

void Connection::connectionLost(const std::exception_ptr &E) {
  // StreamReaderProtocol.connection_lost
  if (E)
    Reader->setException(E);
  else
    Reader->feedEof();
  if (!Closed->done()) {
    if (E) {
      Closed->setException(E);
      // StreamReaderProtocol.__del__ retrieves it: never reported.
      Closed->markRetrieved();
    } else {
      Closed->setResult();
    }
  }
  // FlowControlMixin.connection_lost
  Lost = true;
  if (WritePaused) {
    if (E)
      DrainWaiters.failAll(E);
    else
      DrainWaiters.wakeAll();
  }
  ClientTask = {};
  Cb = nullptr;
}

//===-- Server ------------------------------------------------------------===//

void ServerState::close() {
  if (SocksClosed)
    return;
  SocksClosed = true;
  for (int S : Socks) {
    L->remove_reader(S);
    ::close(S);
  }
  Socks.clear();
  Serving = false;
  if (ServingForever && !ServingForever->done())
    ServingForever->cancel();
  ServingForever.reset();
  if (Active == 0)
    wakeup();
}

void ServerState::acceptReady(int Sock) {
  for (int I = 0; I < Backlog; ++I) {
    sockaddr_in A{};
    socklen_t Len = sizeof A;
    int C = ::accept4(Sock, reinterpret_cast<sockaddr *>(&A), &Len,
                      SOCK_NONBLOCK | SOCK_CLOEXEC);
    if (C < 0) {
      int Err = errno;
      if (wouldBlock(Err) || Err == ECONNABORTED)
        return;
      if (Err == EMFILE || Err == ENFILE || Err == ENOBUFS || Err == ENOMEM) {
        // Out of resources: stop accepting for a while.
        logError("socket.accept() out of system resource: " +
                 describeException(osError(Err)));
        L->remove_reader(Sock);
        L->call_later(AcceptRetryDelay, [Self = Ref<ServerState>(this)] {
          if (!Self->SocksClosed) {
            Self->Serving = false;
            Self->startServing();
          }
        });
        return;
      }
      std::rethrow_exception(osError(Err));
    }
    // create_task(_accept_connection2(...)): its first step, which builds
    // the transport, runs in the next pass.
    L->call_soon([Self = Ref<ServerState>(this), C] {
      Ref<Connection> Conn(
          new Connection(*Self->L, C, new ReaderState(Self->Limit), Self));
      Conn->Cb = Self->Cb;
      Conn->start(nullptr);
    });
  }
}

//===-- Frames ------------------------------------------------------------===//

namespace {

/// A reader coroutine: `while not Fn(first): await _wait_for_data()`. Fn
/// returns the result when it can, nothing when it needs more data, or
/// throws. First is true only on the first call (asyncio checks the stored
/// exception once, at the start of most read methods).
template <class Fn> class ReaderFrame final : public Frame<std::string> {
public:
  ReaderFrame(Ref<ReaderState> S, const char *Name, Fn F)
      : S(std::move(S)), Name(Name), F(std::move(F)) {}
  ~ReaderFrame() override { unwind(); }

  Step resume() override {
    bool First = state == 0;
    if (state == 1)
      goto resume_1;
    for (;;) {
      if (std::optional<std::string> R = F(*S, First)) {
        return_value(std::move(*R));
        return finish();
      }
      Waiter = S->startWait(Name);
      state = 1;
      return suspendOn(*Waiter);
    resume_1:
      try {
        resume_point();
        Waiter->result();
      } catch (...) {
        unwind();
        throw;
      }
      unwind();
      First = false;
    }
  }
  /// _wait_for_data's `finally: self._waiter = None`.
  void unwind() noexcept override {
    if (!Waiter)
      return;
    if (S->Waiter.get() == Waiter.get())
      S->Waiter.reset();
    Waiter.reset();
  }
  const char *function_name() const noexcept override { return Name; }

private:
  Ref<ReaderState> S;
  const char *Name;
  Fn F;
  Ref<FutureImpl<void>> Waiter;
};

template <class Fn>
Coro<std::string> readerCoro(Ref<ReaderState> S, const char *Name, Fn F) {
  return Coro<std::string>::make<ReaderFrame<Fn>>(std::move(S), Name,
                                                  std::move(F));
}

/// readuntil()'s body; Offset persists across waits.
struct ReadUntil {
  std::string Sep;
  std::size_t Offset = 0;
  std::optional<std::string> operator()(ReaderState &S, bool First) {
    if (First) {
      if (Sep.empty())
        throw ValueError("Separator should be at least one-byte string");
      if (S.Exc)
        std::rethrow_exception(S.Exc);
    }
    std::size_t BufLen = S.size();
    if (BufLen >= Offset && BufLen - Offset >= Sep.size()) {
      std::size_t ISep = findFrom(S.view(), Sep, Offset);
      if (ISep != std::string_view::npos) {
        if (ISep > S.Limit)
          throw LimitOverrunError(
              "Separator is found, but chunk is longer than limit", ISep);
        std::string Chunk = S.take(ISep + Sep.size());
        S.maybeResumeTransport();
        return Chunk;
      }
      Offset = BufLen + 1 - Sep.size();
      if (Offset > S.Limit)
        throw LimitOverrunError(
            "Separator is not found, and chunk exceed the limit", Offset);
    }
    if (S.Eof)
      throw IncompleteReadError(S.takeAll(), std::nullopt);
    return std::nullopt;
  }
};

/// A frame awaiting one future, which Make() returns at the first step
/// (null: return at once).
template <class MakeFn> class AwaitFrame final : public Frame<void> {
public:
  AwaitFrame(const char *Name, MakeFn Make)
      : Name(Name), Make(std::move(Make)) {}
  Step resume() override {
    if (state == 1)
      goto resume_1;
    Fut = Make();
    if (!Fut || Fut->done())
      goto done;
    state = 1;
    return suspendOn(*Fut);
  resume_1:
    resume_point();
  done:
    if (Fut)
      Fut->result();
    return finish();
  }
  const char *function_name() const noexcept override { return Name; }

private:
  const char *Name;
  MakeFn Make;
  Ref<FutureImpl<void>> Fut;
};

template <class MakeFn> Coro<void> awaitCoro(const char *Name, MakeFn Make) {
  return Coro<void>::make<AwaitFrame<MakeFn>>(Name, std::move(Make));
}

// async def drain(self): see StreamWriter.drain and _drain_helper.
class DrainFrame final : public Frame<void> {
public:
  explicit DrainFrame(Ref<Connection> C) : C(std::move(C)) {}
  ~DrainFrame() override { unwind(); }
  Step resume() override {
    switch (state) {
    case 1:
      goto resume_1;
    case 2:
      goto resume_2;
    default:
      break;
    }
    if (C->Reader->Exc)
      std::rethrow_exception(C->Reader->Exc);
    if (C->Closing) {
      // sleep(0): lets connection_lost() run, so that a write/drain loop
      // on a closed connection sees the error.
      state = 1;
      return Step::Suspended;
    resume_1:
      resume_point();
    }
    if (C->Lost)
      throw ConnectionResetError("Connection lost");
    if (!C->WritePaused)
      return finish();
    state = 2;
    return Waiter.start(C->DrainWaiters, *C->L, "StreamWriter.drain");
  resume_2:
    try {
      resume_point();
      Waiter->result();
    } catch (...) {
      unwind();
      throw;
    }
    unwind();
    return finish();
  }
  void unwind() noexcept override { Waiter.leave(); }
  const char *function_name() const noexcept override {
    return "StreamWriter.drain";
  }

private:
  Ref<Connection> C;
  WaiterSlot<void> Waiter;
};

// open_connection: create_connection's sock_connect, then the transport
// and `await waiter` (_create_connection_transport).
class OpenConnectionFrame final
    : public Frame<std::pair<StreamReader, StreamWriter>> {
public:
  OpenConnectionFrame(std::string Host, int Port, std::size_t Limit)
      : Host(std::move(Host)), Port(Port), Limit(Limit) {}
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
    Fd = tcp_socket();
    Connect = sock_connect(Fd, Host, Port);
  resume_1:
    if (Connect.step() == Step::Suspended) {
      state = 1;
      return Step::Suspended;
    }
    Connect.take_result(); // on error, unwind() closes Fd
    Conn = new Connection(get_running_loop(), std::exchange(Fd, -1), Reader,
                          nullptr);
    Waiter = new FutureImpl<void>(Conn->L, {"open_connection", 0});
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
  void unwind() noexcept override {
    Connect = {};
    if (Fd >= 0)
      ::close(std::exchange(Fd, -1));
  }
  const char *function_name() const noexcept override {
    return "open_connection";
  }

private:
  std::string Host;
  int Port;
  std::size_t Limit;
  int Fd = -1;
  Ref<ReaderState> Reader;
  Coro<void> Connect;
  Ref<Connection> Conn;
  Ref<FutureImpl<void>> Waiter;
};

/// Bare yields, then Then(), then more bare yields (start_server,
/// Server.start_serving).
template <class ThenFn, class R> class YieldFrame final : public Frame<R> {
public:
  YieldFrame(const char *Name, int Before, int After, ThenFn Then)
      : Name(Name), Before(Before), After(After), Then(std::move(Then)) {}
  Step resume() override {
    if (this->state)
      resume_point();
    if (Before > 0) {
      --Before;
      this->state = 1;
      return Step::Suspended;
    }
    if (!Ran) {
      Ran = true;
      if constexpr (std::is_void_v<R>)
        Then();
      else
        Result.emplace(Then());
    }
    if (After > 0) {
      --After;
      this->state = 1;
      return Step::Suspended;
    }
    if constexpr (!std::is_void_v<R>)
      this->return_value(std::move(*Result));
    return this->finish();
  }
  const char *function_name() const noexcept override { return Name; }

private:
  using Stored = std::conditional_t<std::is_void_v<R>, bool, R>;
  const char *Name;
  int Before, After;
  ThenFn Then;
  bool Ran = false;
  std::optional<Stored> Result;
};

// Server.serve_forever
class ServeForeverFrame final : public Frame<void> {
public:
  explicit ServeForeverFrame(Ref<ServerState> S) : S(std::move(S)) {}
  Step resume() override {
    if (state == 1)
      goto resume_1;
    if (S->ServingForever)
      throw RuntimeError("server is already being awaited on serve_forever()");
    if (S->SocksClosed)
      throw RuntimeError("server is closed");
    S->startServing();
    Fut = new FutureImpl<void>(S->L, {"Server.serve_forever", 0});
    S->ServingForever = Fut;
    state = 1;
    return suspendOn(*Fut);
  resume_1:
    try {
      resume_point();
      Fut->result();
    } catch (const CancelledError &) {
      // close(); await wait_closed() (3.11: returns at once once closed).
      S->close();
      clear();
      throw;
    } catch (...) {
      clear();
      throw;
    }
    clear();
    return finish();
  }
  const char *function_name() const noexcept override {
    return "Server.serve_forever";
  }

private:
  void clear() {
    if (S->ServingForever.get() == Fut.get())
      S->ServingForever.reset();
  }
  Ref<ServerState> S;
  Ref<FutureImpl<void>> Fut;
};

} // namespace

struct ServerAccess {
  static Server make(Ref<ServerState> S) { return Server(std::move(S)); }
  static const Ref<ServerState> &state(const Server &Sv) { return Sv.S; }
};

} // namespace detail

using detail::Connection;
using detail::ReaderState;
using detail::Ref;

//===-- Public API --------------------------------------------------------===//

StreamReader::StreamReader(const StreamReader &) = default;
StreamReader::StreamReader(StreamReader &&) noexcept = default;
StreamReader &StreamReader::operator=(const StreamReader &) = default;
StreamReader &StreamReader::operator=(StreamReader &&) noexcept = default;
StreamReader::~StreamReader() = default;
StreamReader::StreamReader() : StreamReader(stream_default_limit) {}
StreamReader::StreamReader(std::size_t Limit) : S(new ReaderState(Limit)) {}
StreamReader::StreamReader(Ref<ReaderState> S) : S(std::move(S)) {}

Coro<std::string> StreamReader::read(std::ptrdiff_t N) const {
  if (N >= 0)
    return detail::readerCoro(
        S, "read",
        [N](ReaderState &St, bool First) -> std::optional<std::string> {
          if (First && St.Exc)
            std::rethrow_exception(St.Exc);
          if (N == 0)
            return std::string();
          if (First && !St.size() && !St.Eof)
            return std::nullopt;
          std::string Data = St.take(std::min(std::size_t(N), St.size()));
          St.maybeResumeTransport();
          return Data;
        });
  // Until EOF: `while block := await self.read(self._limit): ...`
  return detail::readerCoro(
      S, "read",
      [Blocks = std::string()](ReaderState &St,
                               bool First) mutable
      -> std::optional<std::string> {
        if (First && St.Exc)
          std::rethrow_exception(St.Exc);
        bool Waited = !First;
        for (;;) {
          // Each inner read() checks the exception first, except right
          // after its own wait.
          if (!Waited && St.Exc)
            std::rethrow_exception(St.Exc);
          if (!Waited && !St.size() && !St.Eof)
            return std::nullopt;
          Waited = false;
          std::string Block = St.take(std::min(St.Limit, St.size()));
          St.maybeResumeTransport();
          if (Block.empty())
            return std::move(Blocks);
          Blocks += Block;
        }
      });
}

Coro<std::string> StreamReader::readuntil(std::string Separator) const {
  return detail::readerCoro(S, "readuntil",
                            detail::ReadUntil{std::move(Separator)});
}

Coro<std::string> StreamReader::readline() const {
  return detail::readerCoro(
      S, "readline",
      [U = detail::ReadUntil{"\n"}](ReaderState &St, bool First) mutable
      -> std::optional<std::string> {
        try {
          return U(St, First);
        } catch (IncompleteReadError &E) {
          return E.partial();
        } catch (LimitOverrunError &E) {
          if (St.view().substr(std::min(E.consumed(), St.size()), 1) == "\n")
            St.take(E.consumed() + 1);
          else
            St.takeAll();
          St.maybeResumeTransport();
          throw ValueError(E.what());
        }
      });
}

Coro<std::string> StreamReader::readexactly(std::ptrdiff_t N) const {
  return detail::readerCoro(
      S, "readexactly",
      [N](ReaderState &St, bool First) -> std::optional<std::string> {
        if (First) {
          if (N < 0)
            throw ValueError("readexactly size can not be less than zero");
          if (St.Exc)
            std::rethrow_exception(St.Exc);
          if (N == 0)
            return std::string();
        }
        if (St.size() < std::size_t(N)) {
          if (St.Eof)
            throw IncompleteReadError(St.takeAll(), std::size_t(N));
          return std::nullopt;
        }
        std::string Data = St.take(std::size_t(N));
        St.maybeResumeTransport();
        return Data;
      });
}

bool StreamReader::at_eof() const noexcept { return S->Eof && !S->size(); }
void StreamReader::feed_data(std::string_view Data) const {
  S->feedData(Data);
}
void StreamReader::feed_eof() const { S->feedEof(); }
void StreamReader::set_exception(std::exception_ptr E) const {
  S->setException(std::move(E));
}
std::exception_ptr StreamReader::exception() const noexcept { return S->Exc; }
std::size_t StreamReader::limit() const noexcept { return S->Limit; }

StreamWriter::StreamWriter(const StreamWriter &) = default;
StreamWriter::StreamWriter(StreamWriter &&) noexcept = default;
StreamWriter &StreamWriter::operator=(const StreamWriter &) = default;
StreamWriter &StreamWriter::operator=(StreamWriter &&) noexcept = default;
StreamWriter::~StreamWriter() = default;
StreamWriter::StreamWriter(Ref<Connection> C) : C(std::move(C)) {}

void StreamWriter::write(std::string_view Data) const { C->write(Data); }
void StreamWriter::writelines(const std::vector<std::string> &Lines) const {
  std::string All;
  for (const std::string &Line : Lines)
    All += Line;
  C->write(All);
}
void StreamWriter::write_eof() const { C->writeEof(); }
Coro<void> StreamWriter::drain() const {
  return Coro<void>::make<detail::DrainFrame>(C);
}
void StreamWriter::close() const { C->close(); }
bool StreamWriter::is_closing() const noexcept { return C->Closing; }
Coro<void> StreamWriter::wait_closed() const {
  return detail::awaitCoro("StreamWriter.wait_closed",
                           [Closed = C->Closed] { return Closed; });
}
SocketAddress StreamWriter::peername() const { return C->Peer; }
SocketAddress StreamWriter::sockname() const { return C->Local; }
int StreamWriter::fd() const noexcept { return C->Fd; }
std::size_t StreamWriter::write_buffer_size() const noexcept {
  return C->bufferSize();
}

Coro<std::pair<StreamReader, StreamWriter>>
open_connection(std::string Host, int Port, std::size_t Limit) {
  return Coro<std::pair<StreamReader, StreamWriter>>::make<
      detail::OpenConnectionFrame>(std::move(Host), Port, Limit);
}

Server::Server(const Server &) = default;
Server::Server(Server &&) noexcept = default;
Server &Server::operator=(const Server &) = default;
Server &Server::operator=(Server &&) noexcept = default;
Server::~Server() = default;
Server::Server() noexcept = default;
Server::Server(Ref<detail::ServerState> S) : S(std::move(S)) {}

std::vector<int> Server::sockets() const {
  return S ? S->Socks : std::vector<int>();
}
bool Server::is_serving() const noexcept { return S && S->Serving; }
void Server::close() const { state()->close(); }

const Ref<detail::ServerState> &Server::state() const {
  if (!S)
    throw RuntimeError("the Server is empty (default-constructed)");
  return S;
}

Coro<void> Server::wait_closed() const {
  return detail::awaitCoro(
      "Server.wait_closed",
      [St = state()]() -> Ref<detail::FutureImpl<void>> {
        if (St->SocksClosed || St->WaitersClosed)
          return nullptr;
        Ref<detail::FutureImpl<void>> W =
            new detail::FutureImpl<void>(St->L, {"Server.wait_closed", 0});
        St->Waiters.push_back(W);
        return W;
      });
}

Coro<void> Server::start_serving() const {
  auto Then = [St = state()] { St->startServing(); };
  return Coro<void>::make<detail::YieldFrame<decltype(Then), void>>(
      "Server.start_serving", 0, 1, std::move(Then));
}

Coro<void> Server::serve_forever() const {
  return Coro<void>::make<detail::ServeForeverFrame>(state());
}

Coro<Server> start_server(ClientConnected Cb, std::string Host, int Port,
                          std::size_t Limit, int Backlog) {
  if (!Cb)
    throw ValueError("start_server() needs a client_connected_cb");
  // create_server: three passes for the gather() of the address lookups,
  // then bind, listen, start serving and one more pass (sleep(0)) so that
  // the listening sockets are registered.
  auto Then = [Cb = std::move(Cb), Host = std::move(Host), Port, Limit,
               Backlog]() mutable {
    if (Limit == 0)
      throw ValueError("Limit cannot be <= 0");
    int Sock = tcp_listen(Host, Port, Backlog);
    Ref<detail::ServerState> St(new detail::ServerState(
        get_running_loop(), Sock, std::move(Cb), Limit, Backlog));
    St->startServing();
    return detail::ServerAccess::make(std::move(St));
  };
  return Coro<Server>::make<detail::YieldFrame<decltype(Then), Server>>(
      "start_server", 3, 1, std::move(Then));
}

} // namespace cosm
