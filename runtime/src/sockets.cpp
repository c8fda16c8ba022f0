//===- sockets.cpp - Socket coroutines ------------------------------------===//
///
/// \file
/// One frame shape for the four socket coroutines (asyncio 3.11
/// selector_events.py): attempt, else watch the fd and wait on a future.
///
//===----------------------------------------------------------------------===//
#include "cosm/sockets.hpp"

#include "address.hpp"
#include "cosm/errors.hpp"
#include "cosm/loop.hpp"
#include "cosm/task.hpp"
#include "os_error.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace cosm {
using detail::osError;
using detail::throwOsError;
using detail::wouldBlock;

namespace {

void checkNonBlocking(int Fd) {
  int Flags = ::fcntl(Fd, F_GETFL);
  if (Flags < 0)
    throwOsError(errno);
  if (!(Flags & O_NONBLOCK))
    throw ValueError("the socket must be non-blocking");
}

/// The state a socket operation shares with its fd watcher.
template <class T> struct SockOp : detail::RefCounted {
  int Fd = -1;
  bool Write = false;
  const char *Name = "";
  detail::Ref<detail::FutureImpl<T>> Fut;
  /// Tries the call: true when Fut is complete (value or error), false if
  /// it would block.
  virtual bool attempt() = 0;
};

struct RecvOp final : SockOp<std::string> {
  std::size_t N = 0;
  bool attempt() override {
    std::string Buf(N, '\0');
    ssize_t R = ::recv(Fd, Buf.data(), N, 0);
    if (R < 0) {
      if (wouldBlock(errno))
        return false;
      Fut->setException(osError(errno));
      return true;
    }
    Buf.resize(std::size_t(R));
    Fut->setResult(std::move(Buf));
    return true;
  }
};

struct SendAllOp final : SockOp<void> {
  std::string Data;
  std::size_t Sent = 0;
  bool attempt() override {
    while (Sent < Data.size()) {
      ssize_t R =
          ::send(Fd, Data.data() + Sent, Data.size() - Sent, MSG_NOSIGNAL);
      if (R < 0) {
        if (wouldBlock(errno))
          return false;
        Fut->setException(osError(errno));
        return true;
      }
      Sent += std::size_t(R);
    }
    Fut->setResult();
    return true;
  }
};

struct AcceptOp final : SockOp<int> {
  bool attempt() override {
    int C = ::accept4(Fd, nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
    if (C < 0) {
      if (wouldBlock(errno))
        return false;
      Fut->setException(osError(errno));
      return true;
    }
    Fut->setResult(C);
    return true;
  }
};

struct ConnectOp final : SockOp<void> {
  SocketAddress Target;
  detail::RawAddress Addr;
  bool Started = false;
  bool attempt() override {
    if (!Started) {
      Started = true;
      if (::connect(Fd, Addr.get(), Addr.Len) == 0) {
        Fut->setResult();
        return true;
      }
      if (errno == EINPROGRESS || errno == EINTR)
        return false;
      Fut->setException(osError(errno));
      return true;
    }
    // _sock_connect_cb: the outcome is in SO_ERROR.
    int Err = 0;
    socklen_t Len = sizeof Err;
    if (::getsockopt(Fd, SOL_SOCKET, SO_ERROR, &Err, &Len) != 0)
      Err = errno;
    if (wouldBlock(Err) || Err == EINPROGRESS)
      return false;
    if (Err)
      Fut->setException(
          osError(Err, "Connect call failed " + Target.to_string()));
    else
      Fut->setResult();
    return true;
  }
};

/// Removes the watcher once the future is done, however (asyncio's
/// _sock_read_done / _sock_write_done).
template <class T> struct RemoveWatcher {
  Loop *L;
  int Fd;
  bool Write;
  void call(detail::FutureBase *) {
    if (Write)
      L->remove_writer(Fd);
    else
      L->remove_reader(Fd);
  }
};

template <class T> class SockFrame final : public Frame<T> {
public:
  explicit SockFrame(detail::Ref<SockOp<T>> Op) : Op(std::move(Op)) {}

  Step resume() override {
    if (this->state == 1)
      goto resume_1;
    {
      Loop &L = get_running_loop();
      checkNonBlocking(Op->Fd);
      Op->Fut = new detail::FutureImpl<T>(&L, {function_name(), 0});
      if (!Op->attempt()) {
        // The fast path would block: watch the fd.
        auto Retry = [O = Op] {
          if (!O->Fut->done())
            O->attempt();
        };
        if (Op->Write)
          L.add_writer(Op->Fd, Retry);
        else
          L.add_reader(Op->Fd, Retry);
        using Box = RemoveWatcher<T>;
        Op->Fut->addDoneCallback(&detail::BoxedDoneCallback<Box>::Ops,
                                 new Box{&L, Op->Fd, Op->Write});
        this->state = 1;
        return detail::suspendOn(*Op->Fut);
      }
    }
  resume_1:
    if (this->state == 1)
      resume_point();
    if constexpr (std::is_void_v<T>) {
      Op->Fut->result();
    } else {
      this->return_value(T(Op->Fut->result()));
    }
    return this->finish();
  }
  const char *function_name() const noexcept override { return Op->Name; }

private:
  detail::Ref<SockOp<T>> Op;
};

template <class T, class O> Coro<T> sockCoro(O *Op) {
  return Coro<T>::template make_awaited<SockFrame<T>>(
      detail::Ref<SockOp<T>>(Op));
}

} // namespace

Coro<std::string> sock_recv(int Fd, std::size_t N) {
  auto *Op = new RecvOp;
  Op->Fd = Fd;
  Op->Name = "sock_recv";
  Op->N = N;
  return sockCoro<std::string>(Op);
}

Coro<void> sock_sendall(int Fd, std::string Data) {
  auto *Op = new SendAllOp;
  Op->Fd = Fd;
  Op->Name = "sock_sendall";
  Op->Write = true;
  Op->Data = std::move(Data);
  return sockCoro<void>(Op);
}

Coro<int> sock_accept(int Fd) {
  auto *Op = new AcceptOp;
  Op->Fd = Fd;
  Op->Name = "sock_accept";
  return sockCoro<int>(Op);
}

namespace detail {
Coro<void> connectRaw(int Fd, SocketAddress Address) {
  auto *Op = new ConnectOp;
  Op->Fd = Fd;
  Op->Name = "sock_connect";
  Op->Write = true;
  try {
    Op->Addr = toRaw(Address, "connect");
  } catch (...) {
    delete Op;
    throw;
  }
  Op->Target = std::move(Address);
  return sockCoro<void>(Op);
}
} // namespace detail

namespace {
int socketOption(int Fd, int Option) {
  int Value = 0;
  socklen_t Len = sizeof Value;
  if (::getsockopt(Fd, SOL_SOCKET, Option, &Value, &Len) != 0)
    throwOsError(errno);
  return Value;
}

// sock_connect for an IP socket: _ensure_resolved, then the first address.
class SockConnectFrame final : public Frame<void> {
public:
  SockConnectFrame(int Fd, std::string Host, int Port)
      : Fd(Fd), Host(std::move(Host)), Port(Port) {}
  ~SockConnectFrame() override { unwind(); }
  Step resume() override {
    switch (state) {
    case 1:
      goto resume_1;
    case 2:
      goto resume_2;
    default:
      break;
    }
    Resolve = detail::ensureResolved(Host, Port, socketOption(Fd, SO_DOMAIN),
                                     socketOption(Fd, SO_TYPE),
                                     socketOption(Fd, SO_PROTOCOL));
  resume_1:
    if (Resolve.step() == Step::Suspended) {
      state = 1;
      return Step::Suspended;
    }
    Connect = detail::connectRaw(Fd, Resolve.take_result().at(0).sockaddr);
  resume_2:
    if (Connect.step() == Step::Suspended) {
      state = 2;
      return Step::Suspended;
    }
    Connect.take_result();
    return finish();
  }
  void unwind() noexcept override {
    Resolve = {};
    Connect = {};
  }
  const char *function_name() const noexcept override { return "sock_connect"; }

private:
  int Fd;
  std::string Host;
  int Port;
  Coro<std::vector<AddrInfo>> Resolve;
  Coro<void> Connect;
};
} // namespace

Coro<void> sock_connect(int Fd, std::string Host, int Port) {
  int Family = socketOption(Fd, SO_DOMAIN);
  if (Family != AF_INET && Family != AF_INET6)
    return detail::connectRaw(Fd, SocketAddress{std::move(Host), Port, Family});
  return Coro<void>::make_awaited<SockConnectFrame>(Fd, std::move(Host), Port);
}

Coro<void> sock_connect(int Fd, SocketAddress Address) {
  if (!Address.family && socketOption(Fd, SO_DOMAIN) == AF_UNIX)
    Address.family = AF_UNIX;
  return detail::connectRaw(Fd, std::move(Address));
}

int tcp_socket(int Family) {
  int Fd = ::socket(Family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  if (Fd < 0)
    throwOsError(errno);
  return Fd;
}

int tcp_listen(const std::string &Host, int Port, int Backlog) {
  detail::RawAddress Addr = detail::toRaw(SocketAddress{Host, Port}, "bind");
  int Fd = tcp_socket(Addr.get()->sa_family);
  int One = 1;
  ::setsockopt(Fd, SOL_SOCKET, SO_REUSEADDR, &One, sizeof One);
  if (::bind(Fd, Addr.get(), Addr.Len) != 0 || ::listen(Fd, Backlog) != 0) {
    int Err = errno;
    ::close(Fd);
    throwOsError(Err);
  }
  return Fd;
}

SocketAddress socket_name(int Fd) {
  detail::RawAddress R;
  R.Len = sizeof R.Storage;
  if (::getsockname(Fd, R.get(), &R.Len) != 0)
    throwOsError(errno);
  return detail::fromRaw(R.get(), R.Len);
}

int socket_port(int Fd) { return socket_name(Fd).port; }

void close_socket(int Fd) {
  if (Fd >= 0)
    ::close(Fd);
}

} // namespace cosm
