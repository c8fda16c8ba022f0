//===- server.cpp - asyncio.Server
//-----------------------------------------===//
///
/// \file
/// base_events.Server and selector_events' accept loop
/// (_accept_connection): each accepted socket becomes a Connection whose
/// protocol calls the client_connected_cb in a task.
///
//===----------------------------------------------------------------------===//
#include "stream_state.hpp"

#include "address.hpp"
#include "debug.hpp"
#include "os_error.hpp"
#include "task_numbers.hpp"

#include <sys/socket.h>
#include <unistd.h>

namespace cosm {
namespace detail {

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
    int C = ::accept4(Sock, nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
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
    nextTaskNumber();
    L->call_soon([Self = Ref<ServerState>(this), C] {
      Ref<Connection> Conn(
          new Connection(*Self->L, C, new ReaderState(Self->Limit), Self));
      Conn->Cb = Self->Cb;
      Conn->start(nullptr);
    });
  }
}

namespace {

int socketOption(int Fd, int Option) {
  int Value = 0;
  socklen_t Len = sizeof Value;
  return ::getsockopt(Fd, SOL_SOCKET, Option, &Value, &Len) == 0 ? Value : -1;
}

/// repr(server): `<Server sockets=(<asyncio.TransportSocket fd=6, family=2,
/// type=1, proto=6, laddr=('127.0.0.1', 8080)>,)>`, as asyncio's errors
/// name it.
std::string serverRepr(const ServerState &S) {
  std::string Sockets;
  for (int Fd : S.SocksClosed ? std::vector<int>() : S.Socks)
    Sockets += "<asyncio.TransportSocket fd=" + std::to_string(Fd) +
               ", family=" + std::to_string(socketOption(Fd, SO_DOMAIN)) +
               ", type=" + std::to_string(socketOption(Fd, SO_TYPE)) +
               ", proto=" + std::to_string(socketOption(Fd, SO_PROTOCOL)) +
               ", laddr=" + localAddress(Fd).to_string() + ">, ";
  if (S.Socks.size() > 1)
    Sockets.resize(Sockets.size() - 2);
  else if (!Sockets.empty())
    Sockets.resize(Sockets.size() - 1); // a 1-tuple keeps its comma
  return "<Server sockets=(" + Sockets + ")>";
}

// Server.serve_forever
class ServeForeverFrame final : public Frame<void> {
public:
  explicit ServeForeverFrame(Ref<ServerState> S) : S(std::move(S)) {}
  Step resume() override {
    if (state == 1)
      goto resume_1;
    if (S->ServingForever)
      throw RuntimeError("server " + serverRepr(*S) +
                         " is already being awaited on serve_forever()");
    if (S->SocksClosed)
      throw RuntimeError("server " + serverRepr(*S) + " is closed");
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
} // namespace detail

using detail::Ref;

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
      "Server.wait_closed", [St = state()]() -> Ref<detail::FutureImpl<void>> {
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
  return Coro<void>::make_awaited<detail::YieldFrame<decltype(Then), void>>(
      "Server.start_serving", 0, 1, std::move(Then));
}

Coro<void> Server::serve_forever() const {
  return Coro<void>::make<detail::ServeForeverFrame>(state());
}

} // namespace cosm
