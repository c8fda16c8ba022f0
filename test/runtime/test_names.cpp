//===- test_names.cpp - Host names, IPv6, connection options --------------===//
///
/// \file
/// Name resolution on the default executor (getaddrinfo, getnameinfo,
/// open_connection, start_server and sock_connect with "localhost"),
/// gaierror for a name that cannot resolve, IPv6 and the dual-stack server
/// of start_server(nullptr), family, local_addr, reuse_port, and ports
/// outside 0-65535. Messages are CPython 3.11's (test/run/net-names.cpp
/// diffs a program against its asyncio twin).
///
//===----------------------------------------------------------------------===//
#include "test_net.hpp"

#include <netdb.h>
#include <netinet/in.h>

using namespace cosm_test;

namespace {

TEST(Names, GetaddrinfoResolvesLocalhostOnTheExecutor) {
  cosm::Loop L;
  std::vector<cosm::AddrInfo> Infos = L.run_until_complete(
      L.getaddrinfo("localhost", 80, AF_INET, SOCK_STREAM));
  ASSERT_FALSE(Infos.empty());
  EXPECT_EQ(Infos[0].family, AF_INET);
  EXPECT_EQ(Infos[0].type, SOCK_STREAM);
  EXPECT_EQ(Infos[0].proto, IPPROTO_TCP);
  EXPECT_EQ(Infos[0].sockaddr.to_string(), "('127.0.0.1', 80)");
  // A service name, and a numeric IPv6 host.
  Infos = L.run_until_complete(
      L.getaddrinfo("::1", std::string("http"), 0, SOCK_STREAM));
  ASSERT_EQ(Infos.size(), 1u);
  EXPECT_EQ(Infos[0].sockaddr.to_string(), "('::1', 80, 0, 0)");
}

TEST(Names, AnUnresolvableNameIsAGaierror) {
  cosm::Loop L;
  try {
    L.run_until_complete(L.getaddrinfo("bad name", 80));
    FAIL() << "no exception";
  } catch (const cosm::OSError &E) {
    // socket.gaierror is an OSError, errno EAI_NONAME.
    EXPECT_NE(dynamic_cast<const cosm::gaierror *>(&E), nullptr);
    EXPECT_EQ(E.code(), EAI_NONAME);
    EXPECT_STREQ(E.what(), "[Errno -2] Name or service not known");
  }
  EXPECT_EQ(errorOf([&] {
              L.run_until_complete(
                  cosm::open_connection("bad name", 80));
            }),
            "gaierror [Errno -2] Name or service not known");
  EXPECT_EQ(errorOf([&] {
              L.run_until_complete(
                  cosm::start_server(upperEcho, "bad name", 0));
            }),
            "gaierror [Errno -2] Name or service not known");
  int Fd = cosm::tcp_socket();
  EXPECT_EQ(errorOf([&] {
              L.run_until_complete(
                  cosm::sock_connect(Fd, "bad name", 80));
            }),
            "gaierror [Errno -2] Name or service not known");
  cosm::close_socket(Fd);
}

TEST(Names, GetnameinfoGivesHostAndService) {
  cosm::Loop L;
  auto HS =
      L.run_until_complete(L.getnameinfo(cosm::SocketAddress{"127.0.0.1", 80}));
  EXPECT_EQ(HS.first, "localhost");
  EXPECT_EQ(HS.second, "http");
  HS = L.run_until_complete(L.getnameinfo(cosm::SocketAddress{"::1", 80},
                                          NI_NUMERICHOST | NI_NUMERICSERV));
  EXPECT_EQ(HS.first, "::1");
  EXPECT_EQ(HS.second, "80");
  EXPECT_EQ(errorOf([&] {
              L.run_until_complete(
                  L.getnameinfo(cosm::SocketAddress{"localhost", 80}));
            }),
            "gaierror [Errno -2] Name or service not known");
}

TEST(Names, StreamsConnectAndServeByName) {
  cosm::Loop L;
  cosm::Server S =
      L.run_until_complete(cosm::start_server(upperEcho, "localhost", 0));
  ASSERT_EQ(S.sockets().size(), 1u);
  int Port = cosm::socket_port(S.sockets()[0]);
  cosm::SocketAddress Peer;
  EXPECT_EQ(
      roundTrip(L, cosm::open_connection("localhost", Port), "hi\n", &Peer),
      "HI\n");
  EXPECT_EQ(Peer.to_string(), "('127.0.0.1', " + std::to_string(Port) + ")");
  // sock_connect resolves for the socket's family.
  int Fd = cosm::tcp_socket();
  L.run_until_complete(cosm::sock_connect(Fd, "localhost", Port));
  L.run_until_complete(cosm::sock_sendall(Fd, "abc\n"));
  EXPECT_EQ(L.run_until_complete(cosm::sock_recv(Fd, 100)), "ABC\n");
  cosm::close_socket(Fd);
  S.close();
  L.run_until_complete(S.wait_closed());
}

TEST(Names, IPv6EverywhereIPv4Works) {
  cosm::Loop L;
  cosm::Server S =
      L.run_until_complete(cosm::start_server(upperEcho, "::1", 0));
  ASSERT_EQ(S.sockets().size(), 1u);
  cosm::SocketAddress Name = cosm::socket_name(S.sockets()[0]);
  EXPECT_EQ(Name.family, AF_INET6);
  EXPECT_EQ(Name.to_string(),
            "('::1', " + std::to_string(Name.port) + ", 0, 0)");
  cosm::SocketAddress Peer;
  EXPECT_EQ(
      roundTrip(L, cosm::open_connection("::1", Name.port), "six\n", &Peer),
      "SIX\n");
  EXPECT_EQ(Peer.family, AF_INET6);
  int Fd = cosm::tcp_socket(AF_INET6);
  L.run_until_complete(cosm::sock_connect(Fd, "::1", Name.port));
  cosm::close_socket(Fd);
  // A server on the IPv6 loopback does not answer on the IPv4 one.
  EXPECT_EQ(errorOf([&] {
              L.run_until_complete(
                  cosm::open_connection("127.0.0.1", Name.port));
            }).substr(0, 57),
            "ConnectionRefusedError [Errno 111] Connect call failed ('");
  S.close();
  L.run_until_complete(S.wait_closed());
}

TEST(Names, NoHostListensOnEveryFamilyAsAsyncioDoes) {
  cosm::Loop L;
  // asyncio: one socket per getaddrinfo(None, port, AI_PASSIVE) result.
  std::vector<cosm::AddrInfo> Passive = L.run_until_complete(
      L.getaddrinfo(std::nullopt, 0, 0, SOCK_STREAM, 0, AI_PASSIVE));
  cosm::Server S =
      L.run_until_complete(cosm::start_server(upperEcho, nullptr, 0));
  ASSERT_EQ(S.sockets().size(), Passive.size());
  bool SawV6 = false;
  for (int Fd : S.sockets()) {
    cosm::SocketAddress A = cosm::socket_name(Fd);
    if (A.family == AF_INET6) {
      SawV6 = true;
      int V6Only = 0;
      socklen_t Len = sizeof V6Only;
      ::getsockopt(Fd, IPPROTO_IPV6, IPV6_V6ONLY, &V6Only, &Len);
      EXPECT_EQ(V6Only, 1);
      EXPECT_EQ(A.host, "::");
      EXPECT_EQ(roundTrip(L, cosm::open_connection("::1", A.port), "v6\n"),
                "V6\n");
    } else {
      EXPECT_EQ(A.host, "0.0.0.0");
      EXPECT_EQ(
          roundTrip(L, cosm::open_connection("127.0.0.1", A.port), "v4\n"),
          "V4\n");
    }
  }
  EXPECT_TRUE(SawV6 || Passive.size() == 1);
  S.close();
  // "" means the same as nullptr; family narrows it.
  cosm::Server S4 = L.run_until_complete(cosm::start_server(
      upperEcho, "", 0, cosm::stream_default_limit, 100, AF_INET));
  ASSERT_EQ(S4.sockets().size(), 1u);
  EXPECT_EQ(cosm::socket_name(S4.sockets()[0]).host, "0.0.0.0");
  S4.close();
  L.run_until_complete(S4.wait_closed());
}

TEST(Names, LocalAddrBindsTheClientSocket) {
  cosm::Loop L;
  cosm::Server S =
      L.run_until_complete(cosm::start_server(upperEcho, "127.0.0.1", 0));
  int Port = cosm::socket_port(S.sockets()[0]);
  // A free local port: bind, read it, close.
  int Probe = cosm::tcp_listen("127.0.0.1", 0);
  int Local = cosm::socket_port(Probe);
  cosm::close_socket(Probe);
  auto [R, W] = L.run_until_complete(
      cosm::open_connection("127.0.0.1", Port, cosm::stream_default_limit, 0,
                            cosm::SocketAddress{"127.0.0.1", Local}));
  EXPECT_EQ(W.sockname().port, Local);
  W.close();
  L.run_until_complete(W.wait_closed());
  // The server's own address is in use: asyncio's bind message.
  EXPECT_EQ(errorOf([&] {
              L.run_until_complete(cosm::open_connection(
                  "127.0.0.1", Port, cosm::stream_default_limit, 0,
                  cosm::SocketAddress{"127.0.0.1", Port}));
            }),
            "OSError [Errno 98] error while attempting to bind on address "
            "('127.0.0.1', " +
                std::to_string(Port) + "): address already in use");
  // No local address of the remote's family.
  EXPECT_EQ(errorOf([&] {
              L.run_until_complete(cosm::open_connection(
                  "127.0.0.1", Port, cosm::stream_default_limit, 0,
                  cosm::SocketAddress{"::1", 0}));
            }),
            "OSError no matching local address with "
            "family=<AddressFamily.AF_INET: 2> found");
  S.close();
  L.run_until_complete(S.wait_closed());
}

TEST(Names, ReusePortLetsTwoServersShareAPort) {
  cosm::Loop L;
  cosm::Server A = L.run_until_complete(cosm::start_server(
      upperEcho, "127.0.0.1", 0, cosm::stream_default_limit, 100, 0, true));
  int Port = cosm::socket_port(A.sockets()[0]);
  cosm::Server B = L.run_until_complete(cosm::start_server(
      upperEcho, "127.0.0.1", Port, cosm::stream_default_limit, 100, 0, true));
  EXPECT_EQ(cosm::socket_port(B.sockets()[0]), Port);
  // Without it the port is taken: asyncio's bind message.
  EXPECT_EQ(errorOf([&] {
              L.run_until_complete(
                  cosm::start_server(upperEcho, "127.0.0.1", Port));
            }),
            "OSError [Errno 98] error while attempting to bind on address "
            "('127.0.0.1', " +
                std::to_string(Port) + "): address already in use");
  A.close();
  B.close();
  L.run_until_complete(B.wait_closed());
}

TEST(Names, PortsOutsideTheRangeRaiseAsCPythonDoes) {
  cosm::Loop L;
  EXPECT_EQ(errorOf([&] {
              L.run_until_complete(cosm::open_connection("127.0.0.1", 70000));
            }),
            "OverflowError connect(): port must be 0-65535.");
  EXPECT_EQ(
      errorOf([&] { L.run_until_complete(cosm::open_connection("::1", -1)); }),
      "OverflowError connect(): port must be 0-65535.");
  EXPECT_EQ(errorOf([&] {
              L.run_until_complete(
                  cosm::start_server(upperEcho, "127.0.0.1", 65536));
            }),
            "OverflowError bind(): port must be 0-65535.");
  int Fd = cosm::tcp_socket();
  EXPECT_EQ(errorOf([&] {
              L.run_until_complete(cosm::sock_connect(Fd, "127.0.0.1", 70000));
            }),
            "OverflowError connect(): port must be 0-65535.");
  cosm::close_socket(Fd);
  // With a name, getaddrinfo takes the port modulo 65536 (CPython passes
  // it as text): 70000 is port 4464.
  std::vector<cosm::AddrInfo> Infos = L.run_until_complete(
      L.getaddrinfo("localhost", 70000, AF_INET, SOCK_STREAM));
  EXPECT_EQ(Infos.at(0).sockaddr.port, 4464);
}

} // namespace
