//===- test_datagrams.cpp - create_datagram_endpoint ----------------------===//
///
/// \file
/// UDP endpoints as asyncio 3.11 makes them: the protocol's callbacks in
/// order (connection_made before the endpoint is returned,
/// datagram_received with the sender's address, error_received for a
/// refused connected send, connection_lost a pass after close()),
/// connected and unconnected transports, IPv6, names, Unix datagram
/// sockets, and the argument errors.
///
//===----------------------------------------------------------------------===//
#include "test_net.hpp"

#include <unistd.h>

using namespace cosm_test;

namespace {

/// Records every callback; echoes datagrams when Echo is set.
struct Recorder : cosm::DatagramProtocol {
  explicit Recorder(std::string Tag, bool Echo = false)
      : Tag(std::move(Tag)), Echo(Echo) {}
  void connection_made(cosm::DatagramTransport T) override {
    Transport.emplace(T);
    print(Tag + ": connection_made");
  }
  void datagram_received(std::string Data, cosm::SocketAddress Addr) override {
    print(Tag + ": datagram_received " + Data);
    From = Addr;
    ++Received;
    if (Echo)
      Transport->sendto("echo " + Data, Addr);
  }
  void error_received(const cosm::OSError &E) override {
    bool Refused = dynamic_cast<const cosm::ConnectionRefusedError *>(&E);
    print(Tag + ": error_received " +
          (Refused ? "ConnectionRefusedError " : "OSError ") + E.what());
    ++Errors;
  }
  void connection_lost(std::exception_ptr E) override {
    std::string What = "None";
    if (E) {
      try {
        std::rethrow_exception(E);
      } catch (const std::exception &X) {
        What = X.what();
      }
    }
    print(Tag + ": connection_lost " + What);
    Lost = true;
  }
  std::string Tag;
  bool Echo;
  std::optional<cosm::DatagramTransport> Transport;
  cosm::SocketAddress From;
  int Received = 0;
  int Errors = 0;
  bool Lost = false;
};

using Endpoint =
    std::pair<cosm::DatagramTransport, std::shared_ptr<cosm::DatagramProtocol>>;

Recorder &rec(const Endpoint &E) { return static_cast<Recorder &>(*E.second); }

cosm::DatagramProtocolFactory recorder(std::string Tag, bool Echo = false) {
  return [Tag, Echo] { return std::make_shared<Recorder>(Tag, Echo); };
}

struct Datagrams : ::testing::Test, Fixture {};

TEST_F(Datagrams, EchoBetweenAnUnconnectedAndAConnectedEndpoint) {
  cosm::Loop L;
  Endpoint Server = L.run_until_complete(cosm::create_datagram_endpoint(
      recorder("server", true), cosm::SocketAddress{"127.0.0.1", 0}));
  // connection_made ran before the endpoint was returned.
  EXPECT_EQ(out(), std::vector<std::string>{"server: connection_made"});
  cosm::SocketAddress Where = Server.first.sockname();
  EXPECT_EQ(Server.first.peername().to_string(), "None");
  Endpoint Client = L.run_until_complete(cosm::create_datagram_endpoint(
      recorder("client"), std::nullopt,
      cosm::SocketAddress{"127.0.0.1", Where.port}));
  EXPECT_EQ(Client.first.peername().to_string(), Where.to_string());
  Client.first.sendto("ping");
  Client.first.sendto(""); // nothing is sent
  ASSERT_TRUE(runUntil(L, [&] { return rec(Client).Received == 1; }));
  EXPECT_EQ(rec(Server).From, Client.first.sockname());
  EXPECT_EQ(rec(Client).From.to_string(), Where.to_string());
  // A connected transport takes no other address.
  EXPECT_EQ(errorOf([&] {
              Client.first.sendto("x", cosm::SocketAddress{"127.0.0.1", 9});
            }),
            "ValueError Invalid address: must be None or " + Where.to_string());
  Client.first.sendto("again", Where);
  ASSERT_TRUE(runUntil(L, [&] { return rec(Client).Received == 2; }));
  Client.first.close();
  EXPECT_TRUE(Client.first.is_closing());
  EXPECT_FALSE(rec(Client).Lost);
  L.run_until_complete(cosm::sleep(0));
  EXPECT_TRUE(rec(Client).Lost);
  EXPECT_EQ(Client.first.fd(), -1);
  Server.first.close();
  L.run_until_complete(cosm::sleep(0));
  EXPECT_EQ(out(), (std::vector<std::string>{
                       "server: connection_made", "client: connection_made",
                       "server: datagram_received ping",
                       "client: datagram_received echo ping",
                       "server: datagram_received again",
                       "client: datagram_received echo again",
                       "client: connection_lost None",
                       "server: connection_lost None"}));
}

TEST_F(Datagrams, ARefusedConnectedSendIsAnErrorReceived) {
  cosm::Loop L;
  // A port nobody listens on: bind, read the port, close.
  Endpoint Probe = L.run_until_complete(cosm::create_datagram_endpoint(
      recorder("probe"), cosm::SocketAddress{"127.0.0.1", 0}));
  int Dead = Probe.first.sockname().port;
  Probe.first.close();
  Endpoint Client = L.run_until_complete(
      cosm::create_datagram_endpoint(recorder("client"), std::nullopt,
                                     cosm::SocketAddress{"127.0.0.1", Dead}));
  Client.first.sendto("anyone?");
  ASSERT_TRUE(runUntil(L, [&] { return rec(Client).Errors > 0; }));
  EXPECT_FALSE(Client.first.is_closing()); // the transport stays open
  Client.first.close();
  L.run_until_complete(cosm::sleep(0));
  EXPECT_EQ(out().at(3),
            "client: error_received ConnectionRefusedError [Errno 111] "
            "Connection refused");
}

TEST_F(Datagrams, IPv6NamesAndUnixDatagramSockets) {
  cosm::Loop L;
  Endpoint Six = L.run_until_complete(cosm::create_datagram_endpoint(
      recorder("six", true), cosm::SocketAddress{"::1", 0}));
  cosm::SocketAddress Where = Six.first.sockname();
  EXPECT_EQ(Where.family, AF_INET6);
  Endpoint Client = L.run_until_complete(cosm::create_datagram_endpoint(
      recorder("client"), cosm::SocketAddress{"::1", 0}));
  Client.first.sendto("v6", Where);
  ASSERT_TRUE(runUntil(L, [&] { return rec(Client).Received == 1; }));
  EXPECT_EQ(rec(Client).From.to_string(), Where.to_string());
  Client.first.close();
  Six.first.close();

  // remote_addr by name.
  Endpoint Four = L.run_until_complete(cosm::create_datagram_endpoint(
      recorder("four", true), cosm::SocketAddress{"127.0.0.1", 0}));
  Endpoint Named = L.run_until_complete(cosm::create_datagram_endpoint(
      recorder("named"), std::nullopt,
      cosm::SocketAddress{"localhost", Four.first.sockname().port}));
  Named.first.sendto("by name");
  ASSERT_TRUE(runUntil(L, [&] { return rec(Named).Received == 1; }));
  Named.first.close();
  Four.first.close();

  // Unix datagram sockets: an abstract name for each end.
  std::string A =
      std::string(1, '\0') + "cosm-dgram-a-" + std::to_string(::getpid());
  std::string B =
      std::string(1, '\0') + "cosm-dgram-b-" + std::to_string(::getpid());
  Endpoint UA = L.run_until_complete(cosm::create_datagram_endpoint(
      recorder("ua", true), cosm::SocketAddress{A}, std::nullopt, AF_UNIX));
  Endpoint UB = L.run_until_complete(cosm::create_datagram_endpoint(
      recorder("ub"), cosm::SocketAddress{B}, cosm::SocketAddress{A}, AF_UNIX));
  UB.first.sendto("local");
  ASSERT_TRUE(runUntil(L, [&] { return rec(UB).Received == 1; }));
  EXPECT_EQ(rec(UA).From.host, B);
  // The unconnected end sends to a path given as a plain address.
  UA.first.sendto("to b", cosm::SocketAddress{B});
  ASSERT_TRUE(runUntil(L, [&] { return rec(UB).Received == 2; }));
  UA.first.close();
  UB.first.close();
  L.run_until_complete(cosm::sleep(0));
  EXPECT_TRUE(rec(UA).Lost && rec(UB).Lost);
}

TEST_F(Datagrams, ArgumentErrorsAsAsyncio) {
  cosm::Loop L;
  EXPECT_EQ(errorOf([&] {
              L.run_until_complete(
                  cosm::create_datagram_endpoint(recorder("x"), std::nullopt));
            }),
            "ValueError unexpected address family");
  EXPECT_EQ(
      errorOf([&] {
        L.run_until_complete(cosm::create_datagram_endpoint(
            recorder("x"), cosm::SocketAddress{"bad name", 0}));
      }),
      "gaierror [Errno -2] Name or service not known");
  EXPECT_EQ(errorOf([&] {
              L.run_until_complete(cosm::create_datagram_endpoint(
                  recorder("x"), cosm::SocketAddress{"127.0.0.1", 70000}));
            }),
            "OverflowError bind(): port must be 0-65535.");
  // No family has both addresses.
  EXPECT_EQ(errorOf([&] {
              L.run_until_complete(cosm::create_datagram_endpoint(
                  recorder("x"), cosm::SocketAddress{"127.0.0.1", 0},
                  cosm::SocketAddress{"::1", 9}));
            }),
            "ValueError can not get address information");
  // An unconnected send to a port out of range: asyncio's fatal error,
  // the transport closes with the OverflowError.
  Endpoint E = L.run_until_complete(cosm::create_datagram_endpoint(
      recorder("e"), cosm::SocketAddress{"127.0.0.1", 0}));
  std::string Err = stderrOf([&] {
    E.first.sendto("x", cosm::SocketAddress{"127.0.0.1", 70000});
    L.run_until_complete(cosm::sleep(0));
  });
  EXPECT_NE(Err.find("Fatal write error on datagram transport"),
            std::string::npos);
  EXPECT_EQ(out().back(), "e: connection_lost sendto(): port must be 0-65535.");
}

// After connection_lost an unconnected transport has no protocol to report
// a send's error to: asyncio fails with an AttributeError of its internals,
// cosm with a RuntimeError (it dereferenced the protocol it had dropped). A
// connected one drops the data, as asyncio.
TEST_F(Datagrams, SendtoAfterConnectionLost) {
  cosm::Loop L;
  Endpoint Free = L.run_until_complete(cosm::create_datagram_endpoint(
      recorder("free"), cosm::SocketAddress{"127.0.0.1", 0}));
  cosm::SocketAddress Where = Free.first.sockname();
  Endpoint Connected = L.run_until_complete(cosm::create_datagram_endpoint(
      recorder("connected"), std::nullopt, Where));
  Free.first.close();
  Connected.first.close();
  L.run_until_complete(cosm::sleep(0));
  ASSERT_TRUE(rec(Free).Lost && rec(Connected).Lost);
  EXPECT_EQ(errorOf([&] { Free.first.sendto("after", Where); }),
            "RuntimeError sendto() on a datagram transport whose connection "
            "was lost (it was closed)");
  EXPECT_EQ(errorOf([&] { Connected.first.sendto("after"); }), "no exception");
}

} // namespace
