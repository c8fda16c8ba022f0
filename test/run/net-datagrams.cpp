// UDP (and Unix datagram) endpoints against asyncio: the protocol's
// callbacks in order and the pass they run in where it is deterministic
// (connection_made the pass after the transport, the endpoint a pass
// later, connection_lost a pass after close), a connected transport by
// name, the error of a wrong address, IPv6, error_received for a refused
// send, abstract Unix names, and the argument errors.
//
// RUN: %cosm-lower %s -o %t.cpp -- -std=c++17 -I%cosm_incdir
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/net-datagrams.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>
#include <memory>
#include <string>
#include <unistd.h>
#include <utility>

static int passes = 0;
static int p0 = -1; // -1: the pass is not deterministic (a lookup, a datagram)

static void tick() {
  ++passes;
  cosm::get_running_loop().call_soon(tick);
}

static std::string at() {
  return p0 < 0 ? "" : " at +" + std::to_string(passes - p0);
}

struct Recorder : cosm::DatagramProtocol {
  Recorder(std::string tag, bool echo) : tag(std::move(tag)), echo(echo) {}
  void connection_made(cosm::DatagramTransport t) override {
    transport = std::make_shared<cosm::DatagramTransport>(t);
    std::printf("%s: connection_made%s\n", tag.c_str(), at().c_str());
  }
  void datagram_received(std::string data, cosm::SocketAddress addr) override {
    std::printf("%s: datagram_received %s\n", tag.c_str(), data.c_str());
    if (echo)
      transport->sendto("echo " + data, addr);
    from = addr;
    got.set();
  }
  void error_received(const cosm::OSError &e) override {
    bool refused = dynamic_cast<const cosm::ConnectionRefusedError *>(&e);
    std::printf("%s: error_received %s %s\n", tag.c_str(),
                refused ? "ConnectionRefusedError" : "OSError", e.what());
    got.set();
  }
  void connection_lost(std::exception_ptr e) override {
    std::printf("%s: connection_lost %s%s\n", tag.c_str(), e ? "error" : "None",
                at().c_str());
  }
  std::string tag;
  bool echo;
  std::shared_ptr<cosm::DatagramTransport> transport;
  cosm::SocketAddress from;
  cosm::Event got;
};

static Recorder &rec(const std::shared_ptr<cosm::DatagramProtocol> &p) {
  return static_cast<Recorder &>(*p);
}

static cosm::DatagramProtocolFactory recorder(std::string tag, bool echo) {
  return [tag, echo] { return std::make_shared<Recorder>(tag, echo); };
}

COSM_ASYNC cosm::Coro<cosm::SocketAddress> received(Recorder &proto) {
  cosm::await(proto.got.wait());
  proto.got.clear();
  return proto.from;
}

static const char *py(bool b) { return b ? "True" : "False"; }

COSM_ASYNC cosm::Coro<void> main_() {
  cosm::get_running_loop().call_soon(tick);
  p0 = passes;
  auto server = cosm::await(cosm::create_datagram_endpoint(
      recorder("server", true), cosm::SocketAddress{"127.0.0.1", 0}));
  std::printf("endpoint returned at +%d\n", passes - p0);
  cosm::SocketAddress where = server.first.sockname();
  std::printf("unconnected peername: %s\n",
              server.first.peername().to_string().c_str());

  p0 = -1;
  auto client = cosm::await(cosm::create_datagram_endpoint(
      recorder("client", false), std::nullopt,
      cosm::SocketAddress{"localhost", where.port}));
  std::printf("connected peername is the server: %s\n",
              py(client.first.peername() == where));
  client.first.sendto("ping");
  cosm::SocketAddress addr = cosm::await(received(rec(client.second)));
  std::printf("reply from the server: %s\n", py(addr == where));
  try {
    client.first.sendto("x", cosm::SocketAddress{"127.0.0.1", 9});
  } catch (const cosm::ValueError &e) {
    std::string text = e.what();
    std::string port = std::to_string(where.port);
    text.replace(text.find(port), port.size(), "PORT");
    std::printf("ValueError %s\n", text.c_str());
  }
  p0 = passes;
  client.first.close();
  std::printf("closing: %s\n", py(client.first.is_closing()));
  cosm::await(cosm::sleep(0));
  cosm::await(cosm::sleep(0));

  p0 = passes;
  auto six = cosm::await(cosm::create_datagram_endpoint(
      recorder("six", true), cosm::SocketAddress{"::1", 0}));
  p0 = passes;
  auto c6 = cosm::await(cosm::create_datagram_endpoint(
      recorder("c6", false), cosm::SocketAddress{"::1", 0}, std::nullopt,
      AF_INET6));
  c6.first.sendto("over six", six.first.sockname());
  addr = cosm::await(received(rec(c6.second)));
  std::printf("IPv6 reply address has %d fields\n",
              addr.family == AF_INET6 ? 4 : 2);
  p0 = passes;
  c6.first.close();
  six.first.close();
  cosm::await(cosm::sleep(0));

  int dead = server.first.sockname().port;
  p0 = passes;
  server.first.close();
  cosm::await(cosm::sleep(0));
  p0 = passes;
  auto lonely = cosm::await(cosm::create_datagram_endpoint(
      recorder("lonely", false), std::nullopt,
      cosm::SocketAddress{"127.0.0.1", dead}));
  lonely.first.sendto("anyone?");
  cosm::await(received(rec(lonely.second)));
  std::printf("still open after the error: %s\n",
              py(!lonely.first.is_closing()));
  p0 = passes;
  lonely.first.close();
  cosm::await(cosm::sleep(0));

  std::string name = std::string(1, '\0') + "cosm-net-dgram-" +
                     std::to_string(::getpid());
  p0 = passes;
  auto u = cosm::await(cosm::create_datagram_endpoint(
      recorder("unix", true), cosm::SocketAddress{name}, std::nullopt,
      AF_UNIX));
  auto uc = cosm::await(cosm::create_datagram_endpoint(
      recorder("unix-client", false), cosm::SocketAddress{name + "-client"},
      cosm::SocketAddress{name}, AF_UNIX));
  uc.first.sendto("local");
  cosm::await(received(rec(uc.second)));
  p0 = passes;
  uc.first.close();
  u.first.close();
  cosm::await(cosm::sleep(0));

  try {
    cosm::await(cosm::create_datagram_endpoint(recorder("x", false),
                                               std::nullopt));
  } catch (const cosm::ValueError &e) {
    std::printf("ValueError: %s\n", e.what());
  }
  try {
    cosm::await(cosm::create_datagram_endpoint(
        recorder("x", false), cosm::SocketAddress{"bad name", 0}));
  } catch (const cosm::gaierror &e) {
    std::printf("gaierror: %s\n", e.what());
  }
  try {
    cosm::await(cosm::create_datagram_endpoint(
        recorder("x", false), cosm::SocketAddress{"127.0.0.1", 70000}));
  } catch (const cosm::OverflowError &e) {
    std::printf("OverflowError: %s\n", e.what());
  }
}

int main() { cosm::run(main_()); }
