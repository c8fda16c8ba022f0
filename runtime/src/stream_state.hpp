//===- stream_state.hpp - The state behind streams and servers -*- C++ -*-===//
///
/// \file
/// CPython 3.11's streams.py and the parts of selector_events.py beneath it,
/// rule for rule: ReaderState is StreamReader; Connection is the stream
/// transport (over any connected stream socket: TCP or Unix) together with
/// its StreamReaderProtocol (FlowControlMixin); ServerState is
/// base_events.Server with _accept_connection. Private to the runtime:
/// stream_reader.cpp, transport.cpp, server.cpp and streams.cpp define them.
///
//===----------------------------------------------------------------------===//
#ifndef COSM_SRC_STREAM_STATE_HPP
#define COSM_SRC_STREAM_STATE_HPP

#include "cosm/loop.hpp"
#include "cosm/streams.hpp"
#include "cosm/task.hpp"
#include "cosm/waiters.hpp"
#include "pipe_transport.hpp"

#include <cstddef>
#include <deque>
#include <string>
#include <string_view>
#include <unistd.h>
#include <vector>

namespace cosm {
namespace detail {

/// selector_events' max_size: the most one recv() asks for.
constexpr std::size_t RecvSize = 256 * 1024;
/// The transport's default write buffer limits (high, low = high / 4).
constexpr std::size_t WriteHighWater = 64 * 1024;
constexpr std::size_t WriteLowWater = WriteHighWater / 4;
/// constants.LOG_THRESHOLD_FOR_CONNLOST_WRITES
constexpr int ConnLostWriteWarning = 5;
/// constants.ACCEPT_RETRY_DELAY
constexpr double AcceptRetryDelay = 1.0;

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
  ServerState(Loop &L, std::vector<int> Socks, ClientConnected Cb,
              std::size_t Limit, int Backlog)
      : L(&L), Socks(std::move(Socks)), Cb(std::move(Cb)), Limit(Limit),
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
      L->add_reader(
          S, [Self = Ref<ServerState>(this), S] { Self->acceptReady(S); });
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

/// The stream transport over one fd, which it owns: a connected socket
/// (TCP, Unix) or a pipe end. Sockets use recv/send(MSG_NOSIGNAL) and
/// shutdown(SHUT_WR) for write_eof; other fds use read/write (a program
/// writing to pipes must ignore SIGPIPE, as Python does at startup), and
/// write_eof closes them once the buffer is sent. A write-only fd is never
/// watched for reading.
struct Connection : RefCounted {
  Connection(Loop &L, int Fd, Ref<ReaderState> Reader, Ref<ServerState> Srv);
  /// A pipe transport (unix_events' _UnixReadPipeTransport or
  /// _UnixWritePipeTransport) over Fd: see pipe_transport.hpp.
  Connection(Loop &L, int Fd, Ref<ReaderState> Reader, PipeKind Kind);
  ~Connection() override;

  /// The transport's constructor tail: connection_made, then the reader,
  /// then the creator's waiter, each through call_soon.
  void start(Ref<FutureImpl<void>> Waiter);
  void connectionMade();
  void addReader() {
    if (Closing || !Readable)
      return;
    L->add_reader(Fd, [C = Ref<Connection>(this)] { C->readReady(); });
  }
  void addWriter() {
    L->add_writer(Fd, [C = Ref<Connection>(this)] { C->writeReady(); });
  }
  void readReady();
  void writeReady();
  /// One recv/read (send/write) of the fd's kind; -1 with errno on failure.
  ssize_t receiveSome(char *Buf, std::size_t N);
  ssize_t sendSome(const char *Data, std::size_t N);
  /// The write side is done: shutdown(SHUT_WR), or close for a pipe. The
  /// shutdown's errno, 0 if it succeeded.
  int shutdownWrite();
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
  bool IsSocket = true;
  bool Readable = true; ///< false for a write-only fd
  /// A subprocess's pipe: a read pipe ends at EOF; a write pipe watches
  /// its fd for the reading end going away.
  PipeKind Kind = PipeKind::None;
  Ref<ReaderState> Reader;
  Ref<ServerState> Srv;
  /// A subprocess's pipe: where its data and its end go (pipe_transport.hpp).
  PipeEvent OnPipe;
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

/// A StreamReader/StreamWriter pair over Fd (a connected socket or a pipe
/// end, made non-blocking here), as _create_connection_transport makes it:
/// the transport starts at once and Waiter (if any) completes two passes
/// later. For creators of transports other than open_connection (pipes of
/// subprocesses).
std::pair<StreamReader, StreamWriter>
openStreams(Loop &L, int Fd, std::size_t Limit, Ref<FutureImpl<void>> Waiter);

struct ServerAccess {
  static Server make(Ref<ServerState> S) { return Server(std::move(S)); }
  static const Ref<ServerState> &state(const Server &Sv) { return Sv.S; }
};

/// A frame awaiting one future, which Make() returns at the first step
/// (null: return at once).
template <class MakeFn> class FutureWaitFrame final : public Frame<void> {
public:
  FutureWaitFrame(const char *Name, MakeFn Make)
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
  return Coro<void>::make_awaited<FutureWaitFrame<MakeFn>>(Name,
                                                           std::move(Make));
}

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

} // namespace detail
} // namespace cosm

#endif // COSM_SRC_STREAM_STATE_HPP
