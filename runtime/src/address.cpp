//===- address.cpp - Socket addresses and name resolution -----------------===//
#include "address.hpp"

#include "cosm/errors.hpp"
#include "cosm/loop.hpp"
#include "os_error.hpp"

#include <arpa/inet.h>
#include <cstddef>
#include <cstdio>
#include <cstring>
#include <functional>
#include <netdb.h>
#include <netinet/in.h>
#include <sys/un.h>

namespace cosm {

namespace {
/// Python's repr of a str (Bytes false) or bytes object: quotes, and
/// escapes for backslashes and control characters.
std::string pyRepr(const std::string &S, bool Bytes) {
  char Quote = '\'';
  if (S.find('\'') != std::string::npos && S.find('"') == std::string::npos)
    Quote = '"';
  std::string Out = Bytes ? "b" : "";
  Out += Quote;
  for (unsigned char C : S) {
    if (C == '\\' || C == Quote) {
      Out += '\\';
      Out += char(C);
    } else if (C == '\n') {
      Out += "\\n";
    } else if (C == '\r') {
      Out += "\\r";
    } else if (C == '\t') {
      Out += "\\t";
    } else if (C < 0x20 || C == 0x7f || (Bytes && C >= 0x80)) {
      char Buf[5];
      std::snprintf(Buf, sizeof Buf, "\\x%02x", C);
      Out += Buf;
    } else {
      Out += char(C);
    }
  }
  return Out + Quote;
}

} // namespace

namespace detail {
std::string strRepr(const std::string &S) { return pyRepr(S, false); }
} // namespace detail

namespace {

int familyOf(const SocketAddress &A) {
  if (A.family)
    return A.family;
  in_addr V4;
  return ::inet_pton(AF_INET, A.host.c_str(), &V4) == 1 ? AF_INET : AF_INET6;
}
} // namespace

std::string SocketAddress::to_string() const {
  if (!family && host.empty() && !port)
    return "None"; // no address (an unconnected socket's peer)
  switch (familyOf(*this)) {
  case AF_UNIX:
    // Python gives an abstract name as bytes, a path as str.
    return pyRepr(host, !host.empty() && host[0] == '\0');
  case AF_INET6:
    return "(" + pyRepr(host, false) + ", " + std::to_string(port) + ", " +
           std::to_string(flowinfo) + ", " + std::to_string(scope_id) + ")";
  default:
    return "(" + pyRepr(host, false) + ", " + std::to_string(port) + ")";
  }
}

bool operator==(const SocketAddress &A, const SocketAddress &B) {
  return A.host == B.host && A.port == B.port && A.flowinfo == B.flowinfo &&
         A.scope_id == B.scope_id &&
         (!A.family || !B.family || A.family == B.family);
}

namespace detail {

RawAddress toRaw(const SocketAddress &A, const char *Call) {
  RawAddress R;
  int Family = familyOf(A);
  if (Family == AF_UNIX) {
    auto *Un = reinterpret_cast<sockaddr_un *>(&R.Storage);
    Un->sun_family = AF_UNIX;
    bool Abstract = !A.host.empty() && A.host[0] == '\0';
    // A path needs room for its NUL; an abstract name is counted exactly.
    if (A.host.size() + (Abstract ? 0 : 1) > sizeof Un->sun_path)
      throw OSError("AF_UNIX path too long");
    std::memcpy(Un->sun_path, A.host.data(), A.host.size());
    R.Len = socklen_t(offsetof(sockaddr_un, sun_path) + A.host.size() +
                      (Abstract ? 0 : 1));
    return R;
  }
  auto Port = [&] {
    if (A.port < 0 || A.port > 65535)
      throw OverflowError(std::string(Call) + "(): port must be 0-65535.");
    return htons(std::uint16_t(A.port));
  };
  if (Family == AF_INET) {
    auto *In = reinterpret_cast<sockaddr_in *>(&R.Storage);
    In->sin_family = AF_INET;
    if (::inet_pton(AF_INET, A.host.c_str(), &In->sin_addr) != 1)
      throw ValueError("not a numeric IPv4 address: " + A.host);
    In->sin_port = Port();
    R.Len = sizeof *In;
    return R;
  }
  auto *In6 = reinterpret_cast<sockaddr_in6 *>(&R.Storage);
  In6->sin6_family = AF_INET6;
  if (::inet_pton(AF_INET6, A.host.c_str(), &In6->sin6_addr) != 1)
    throw ValueError("not a numeric IP address: " + A.host);
  In6->sin6_port = Port();
  In6->sin6_flowinfo = htonl(A.flowinfo);
  In6->sin6_scope_id = A.scope_id;
  R.Len = sizeof *In6;
  return R;
}

SocketAddress fromRaw(const sockaddr *A, socklen_t Len) {
  SocketAddress S;
  S.family = A->sa_family;
  switch (A->sa_family) {
  case AF_INET: {
    auto *In = reinterpret_cast<const sockaddr_in *>(A);
    char Host[INET_ADDRSTRLEN] = {};
    ::inet_ntop(AF_INET, &In->sin_addr, Host, sizeof Host);
    S.host = Host;
    S.port = ntohs(In->sin_port);
    break;
  }
  case AF_INET6: {
    auto *In6 = reinterpret_cast<const sockaddr_in6 *>(A);
    char Host[INET6_ADDRSTRLEN] = {};
    ::inet_ntop(AF_INET6, &In6->sin6_addr, Host, sizeof Host);
    S.host = Host;
    S.port = ntohs(In6->sin6_port);
    S.flowinfo = ntohl(In6->sin6_flowinfo);
    S.scope_id = In6->sin6_scope_id;
    break;
  }
  case AF_UNIX: {
    auto *Un = reinterpret_cast<const sockaddr_un *>(A);
    std::size_t Offset = offsetof(sockaddr_un, sun_path);
    if (Len <= Offset)
      break; // unnamed: Python's ''
    std::size_t N = Len - Offset;
    if (Un->sun_path[0] == '\0')
      S.host.assign(Un->sun_path, N); // abstract: every byte counts
    else
      S.host.assign(Un->sun_path, ::strnlen(Un->sun_path, N));
    break;
  }
  default:
    break;
  }
  return S;
}

SocketAddress localAddress(int Fd) {
  RawAddress R;
  R.Len = sizeof R.Storage;
  if (::getsockname(Fd, R.get(), &R.Len) != 0)
    return {};
  return fromRaw(R.get(), R.Len);
}

SocketAddress peerAddress(int Fd) {
  RawAddress R;
  R.Len = sizeof R.Storage;
  if (::getpeername(Fd, R.get(), &R.Len) != 0)
    return {};
  return fromRaw(R.get(), R.Len);
}

std::optional<AddrInfo> numericInfo(const std::string &Host, int Port,
                                    int Family, int Type, int Proto) {
  if (Proto != 0 && Proto != IPPROTO_TCP && Proto != IPPROTO_UDP)
    return std::nullopt;
  if (Type == SOCK_STREAM)
    Proto = IPPROTO_TCP;
  else if (Type == SOCK_DGRAM)
    Proto = IPPROTO_UDP;
  else
    return std::nullopt;
  // Linux's inet_pton takes no zone index ("::1%lo"): leave it to
  // getaddrinfo.
  if (Host.find('%') != std::string::npos)
    return std::nullopt;
  for (int Af : {AF_INET, AF_INET6}) {
    if (Family != AF_UNSPEC && Family != Af)
      continue;
    in6_addr Buf;
    if (::inet_pton(Af, Host.c_str(), &Buf) == 1)
      return AddrInfo{Af, Type, Proto, "", SocketAddress{Host, Port, Af}};
  }
  return std::nullopt;
}

std::vector<AddrInfo>
getaddrinfoBlocking(const std::optional<std::string> &Host,
                    const std::optional<std::string> &Port, int Family,
                    int Type, int Proto, int Flags) {
  addrinfo Hints{};
  Hints.ai_family = Family;
  Hints.ai_socktype = Type;
  Hints.ai_protocol = Proto;
  Hints.ai_flags = Flags;
  addrinfo *Res = nullptr;
  int Rc = ::getaddrinfo(Host ? Host->c_str() : nullptr,
                         Port ? Port->c_str() : nullptr, &Hints, &Res);
  if (Rc != 0)
    throwGaiError(Rc);
  std::vector<AddrInfo> Out;
  for (addrinfo *I = Res; I; I = I->ai_next)
    Out.push_back({I->ai_family, I->ai_socktype, I->ai_protocol,
                   I->ai_canonname ? I->ai_canonname : "",
                   fromRaw(I->ai_addr, I->ai_addrlen)});
  ::freeaddrinfo(Res);
  return Out;
}

std::pair<std::string, std::string> getnameinfoBlocking(const SocketAddress &A,
                                                        int Flags) {
  // CPython's socket.getnameinfo: a numeric lookup of the host first (so
  // the port is taken modulo 65536, as getaddrinfo does), then the call.
  std::vector<AddrInfo> Infos = getaddrinfoBlocking(
      A.host, std::to_string(A.port), AF_UNSPEC, SOCK_DGRAM, 0, AI_NUMERICHOST);
  if (Infos.size() != 1)
    throw OSError("sockaddr resolved to multiple addresses");
  SocketAddress Target = Infos[0].sockaddr;
  Target.flowinfo = A.flowinfo;
  Target.scope_id = A.scope_id;
  RawAddress R = toRaw(Target, "getnameinfo");
  char Host[NI_MAXHOST], Serv[NI_MAXSERV];
  int Rc = ::getnameinfo(R.get(), R.Len, Host, sizeof Host, Serv, sizeof Serv,
                         Flags);
  if (Rc != 0)
    throwGaiError(Rc);
  return {Host, Serv};
}

namespace {

/// Awaits a job on the default executor, unless the result is known now.
template <class R> class ExecutorFrame final : public Frame<R> {
public:
  using Job = std::function<R()>;
  ExecutorFrame(const char *Name, std::optional<R> Now, Job Fn)
      : Name(Name), Now(std::move(Now)), Fn(std::move(Fn)) {}
  Step resume() override {
    if (this->state == 1)
      goto resume_1;
    if (Now) {
      this->return_value(std::move(*Now));
      return this->finish();
    }
    Fut = get_running_loop().run_in_executor(std::move(Fn));
    if (!Fut->done()) {
      this->state = 1;
      return suspend_on(*Fut);
    resume_1:
      resume_point();
    }
    this->return_value(R(Fut->result()));
    return this->finish();
  }
  const char *function_name() const noexcept override { return Name; }

private:
  const char *Name;
  std::optional<R> Now;
  Job Fn;
  std::optional<Future<R>> Fut;
};

template <class R>
Coro<R> executorCoro(const char *Name, std::optional<R> Now,
                     std::function<R()> Fn) {
  return Coro<R>::template make_awaited<ExecutorFrame<R>>(Name, std::move(Now),
                                                          std::move(Fn));
}

} // namespace

Coro<std::vector<AddrInfo>> ensureResolved(std::optional<std::string> Host,
                                           int Port, int Family, int Type,
                                           int Proto, int Flags) {
  // CPython's inet_pton of the name refuses it first.
  if (Host && Host->find('\0') != std::string::npos)
    throw ValueError("embedded null character");
  std::optional<std::vector<AddrInfo>> Now;
  if (Host)
    if (std::optional<AddrInfo> Info =
            numericInfo(*Host, Port, Family, Type, Proto))
      Now.emplace(1, *Info);
  return executorCoro<std::vector<AddrInfo>>(
      "getaddrinfo", std::move(Now),
      [Host = std::move(Host), Port, Family, Type, Proto, Flags] {
        return getaddrinfoBlocking(Host, std::to_string(Port), Family, Type,
                                   Proto, Flags);
      });
}

} // namespace detail

Coro<std::vector<AddrInfo>> Loop::getaddrinfo(std::optional<std::string> Host,
                                              std::optional<std::string> Port,
                                              int Family, int Type, int Proto,
                                              int Flags) {
  return detail::executorCoro<std::vector<AddrInfo>>(
      "getaddrinfo", std::nullopt,
      [Host = std::move(Host), Port = std::move(Port), Family, Type, Proto,
       Flags] {
        return detail::getaddrinfoBlocking(Host, Port, Family, Type, Proto,
                                           Flags);
      });
}

Coro<std::vector<AddrInfo>> Loop::getaddrinfo(std::optional<std::string> Host,
                                              int Port, int Family, int Type,
                                              int Proto, int Flags) {
  return getaddrinfo(std::move(Host), std::to_string(Port), Family, Type, Proto,
                     Flags);
}

Coro<std::pair<std::string, std::string>>
Loop::getnameinfo(SocketAddress Address, int Flags) {
  return detail::executorCoro<std::pair<std::string, std::string>>(
      "getnameinfo", std::nullopt, [Address = std::move(Address), Flags] {
        return detail::getnameinfoBlocking(Address, Flags);
      });
}

} // namespace cosm
