//===- transport.cpp - The stream transport and StreamWriter --------------===//
///
/// \file
/// selector_events._SelectorSocketTransport with StreamReaderProtocol and
/// FlowControlMixin merged in (Connection), over any connected stream
/// socket; StreamWriter is its public face.
///
//===----------------------------------------------------------------------===//
#include "stream_state.hpp"

#include "cosm/loop_bound.hpp"

#include "address.hpp"
#include "debug.hpp"
#include "os_error.hpp"

#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

namespace cosm {
namespace detail {

Connection::Connection(Loop &Lp, int Fd, Ref<ReaderState> Rd,
                       Ref<ServerState> Sv)
    : L(&Lp), Fd(Fd), Reader(std::move(Rd)), Srv(std::move(Sv)),
      Closed(new FutureImpl<void>(&Lp, {"StreamWriter.wait_closed", 0})) {
  Reader->Transport = this;
  struct stat St;
  IsSocket = ::fstat(Fd, &St) != 0 || S_ISSOCK(St.st_mode);
  Readable = (::fcntl(Fd, F_GETFL) & O_ACCMODE) != O_WRONLY;
  if (!IsSocket)
    return;
  // base_events._set_nodelay: TCP sockets only.
  int Family = 0;
  socklen_t Len = sizeof Family;
  ::getsockopt(Fd, SOL_SOCKET, SO_DOMAIN, &Family, &Len);
  if (Family == AF_INET || Family == AF_INET6) {
    int One = 1;
    ::setsockopt(Fd, IPPROTO_TCP, TCP_NODELAY, &One, sizeof One);
  }
  Peer = peerAddress(Fd);
  Local = localAddress(Fd);
}

Connection::Connection(Loop &Lp, int Fd, Ref<ReaderState> Rd, PipeKind Kind)
    : L(&Lp), Fd(Fd), IsSocket(false), Kind(Kind), Reader(std::move(Rd)),
      Closed(new FutureImpl<void>(&Lp, {"StreamWriter.wait_closed", 0})) {
  Reader->Transport = this;
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
  if (!Client)
    return;
  ClientTask = create_task(std::move(Client));
  // CPython 3.11.7's done callback: an error the handler leaves is reported
  // and closes its connection, so the peer reads EOF instead of waiting.
  ClientTask.add_done_callback([Self = Ref<Connection>(this)](
                                   const Task<void> &T) {
    if (T.cancelled())
      return;
    if (std::exception_ptr E = T.exception()) {
      logError("Unhandled exception in client_connected_cb\n  " +
               describeException(E));
      Self->close();
    }
  });
}

void Connection::readReady() {
  if (ConnLost)
    return;
  if (Kind == PipeKind::Write) {
    // The reading end went away (_UnixWritePipeTransport._read_ready:
    // BrokenPipeError() without an errno).
    if (bufferSize())
      forceClose(std::make_exception_ptr(BrokenPipeError("")));
    else
      close();
    return;
  }
  static thread_local std::unique_ptr<char[]> Chunk(new char[RecvSize]);
  ssize_t R = receiveSome(Chunk.get(), RecvSize);
  if (R < 0) {
    if (!wouldBlock(errno))
      forceClose(osError(errno)); // _fatal_error
    return;
  }
  if (R == 0 && Kind == PipeKind::Read) {
    // A pipe's EOF ends its transport; connection_lost feeds the EOF.
    close();
    return;
  }
  if (R == 0) {
    // _read_ready__on_eof: eof_received() keeps the transport open for
    // writing (not over SSL), so only the reader goes.
    Reader->feedEof();
    L->remove_reader(Fd);
    return;
  }
  std::string_view Data(Chunk.get(), std::size_t(R));
  if (OnPipe)
    OnPipe([Rd = Reader, D = std::string(Data)] { Rd->feedData(D); }, false);
  else
    Reader->feedData(Data);
}

ssize_t Connection::receiveSome(char *Buf, std::size_t N) {
  return IsSocket ? ::recv(Fd, Buf, N, 0) : ::read(Fd, Buf, N);
}

ssize_t Connection::sendSome(const char *Data, std::size_t N) {
  if (Kind == PipeKind::Write)
    return pipeWrite(Fd, Data, N);
  return IsSocket ? ::send(Fd, Data, N, MSG_NOSIGNAL) : ::write(Fd, Data, N);
}

int Connection::shutdownWrite() {
  if (IsSocket)
    return ::shutdown(Fd, SHUT_WR) == 0 ? 0 : errno;
  // A pipe has no half-close: _UnixWritePipeTransport.write_eof closes.
  close();
  return 0;
}

void Connection::write(std::string_view Data) {
  if (WriteEof)
    throw RuntimeError("Cannot call write() after write_eof()");
  if (Data.empty())
    return;
  if (ConnLost || (Kind == PipeKind::Write && Closing)) {
    if (ConnLost >= ConnLostWriteWarning)
      logError(Kind == PipeKind::Write
                   ? "pipe closed by peer or os.write(pipe, data) raised "
                     "exception."
                   : "socket.send() raised exception.");
    ++ConnLost;
    return;
  }
  if (bufferSize() == 0) {
    // Optimisation: try to send now.
    ssize_t N = sendSome(Data.data(), Data.size());
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
  ssize_t N = sendSome(WBuf.data() + WHead, bufferSize());
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
  if (Closing) {
    if (Kind == PipeKind::Write)
      L->remove_reader(Fd);
    callConnectionLost(nullptr);
  } else if (WriteEof) {
    shutdownWrite();
  }
}

void Connection::writeEof() {
  if (Kind == PipeKind::Write)
    return close(); // a pipe's write_eof() closes it
  if (Closing || WriteEof)
    return;
  WriteEof = true;
  // sock.shutdown()'s error reaches write_eof()'s caller, as in asyncio.
  if (!bufferSize())
    if (int Err = shutdownWrite())
      std::rethrow_exception(osError(Err));
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
  L->call_soon(
      [Self = Ref<Connection>(this)] { Self->callConnectionLost(nullptr); });
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
  L->call_soon(
      [Self = Ref<Connection>(this), E] { Self->callConnectionLost(E); });
}

void Connection::callConnectionLost(std::exception_ptr E) {
  Ref<Connection> Self(this);
  PipeEvent Pipe = std::move(OnPipe);
  if (ProtocolConnected && !Pipe)
    connectionLost(E);
  if (Fd >= 0) {
    L->remove_reader(Fd);
    L->remove_writer(Fd);
    ::close(Fd);
    Fd = -1;
  }
  if (Ref<ServerState> S = std::move(Srv))
    S->detach();
  if (Pipe)
    Pipe(
        [Self, E] {
          if (Self->ProtocolConnected)
            Self->connectionLost(E);
        },
        true);
}

void Connection::connectionLost(const std::exception_ptr &E) {
  // StreamReaderProtocol.connection_lost (a write pipe has no reader)
  if (Kind != PipeKind::Write) {
    if (E)
      Reader->setException(E);
    else
      Reader->feedEof();
  }
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

std::pair<StreamReader, StreamWriter>
openStreams(Loop &L, int Fd, std::size_t Limit, Ref<FutureImpl<void>> Waiter) {
  Ref<ReaderState> Reader(new ReaderState(Limit));
  int Flags = ::fcntl(Fd, F_GETFL);
  if (Flags < 0 || ::fcntl(Fd, F_SETFL, Flags | O_NONBLOCK) != 0)
    throwOsError(errno);
  Ref<Connection> C(new Connection(L, Fd, Reader, nullptr));
  C->start(std::move(Waiter));
  return {Connection::readerOf(std::move(Reader)),
          Connection::writerOf(std::move(C))};
}

//===-- Pipe transports (subprocesses; pipe_transport.hpp) ----------------===//

std::pair<StreamReader, StreamWriter> pipeReader(Loop &L, int Fd,
                                                 std::size_t Limit,
                                                 PipeEvent OnEvent,
                                                 Ref<FutureImpl<void>> Waiter) {
  Ref<ReaderState> R(new ReaderState(Limit));
  Ref<Connection> C(new Connection(L, Fd, R, PipeKind::Read));
  C->OnPipe = std::move(OnEvent);
  C->start(std::move(Waiter));
  return {Connection::readerOf(std::move(R)),
          Connection::writerOf(std::move(C))};
}

StreamWriter pipeWriter(Loop &L, int Fd, PipeEvent OnEvent,
                        Ref<FutureImpl<void>> Waiter) {
  Ref<Connection> C(new Connection(L, Fd, new ReaderState(stream_default_limit),
                                   PipeKind::Write));
  C->OnPipe = std::move(OnEvent);
  C->start(std::move(Waiter));
  return Connection::writerOf(std::move(C));
}

namespace {

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

} // namespace
} // namespace detail

using detail::Connection;
using detail::Ref;

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
  return Coro<void>::make_awaited<detail::DrainFrame>(C);
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

} // namespace cosm
