// An echo server (accept loop + one task per connection) and five
// concurrent clients on loopback, with sock_accept/sock_recv/sock_sendall/
// sock_connect; then a refused connection.
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/sockets-echo.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <cctype>
#include <cstdio>
#include <string>
#include <vector>

COSM_ASYNC cosm::Coro<void> handle(int conn) {
  for (;;) {
    std::string data = cosm::await(cosm::sock_recv(conn, 1024));
    if (data.empty())
      break;
    for (char &c : data)
      c = (char)std::toupper((unsigned char)c);
    cosm::await(cosm::sock_sendall(conn, data));
  }
  cosm::close_socket(conn);
}

COSM_ASYNC cosm::Coro<void> server(int lsock, int n) {
  std::vector<cosm::Task<void>> handlers;
  for (int i = 0; i < n; ++i) {
    int conn = cosm::await(cosm::sock_accept(lsock));
    handlers.push_back(cosm::create_task(handle(conn)));
  }
  cosm::await(cosm::gather(handlers));
}

COSM_ASYNC cosm::Coro<std::string> client(int port, int i) {
  int s = cosm::tcp_socket();
  cosm::await(cosm::sock_connect(s, "127.0.0.1", port));
  std::string msg = "message " + std::to_string(i);
  cosm::await(cosm::sock_sendall(s, msg));
  std::string data;
  while (data.size() < msg.size())
    data += cosm::await(cosm::sock_recv(s, 1024));
  cosm::close_socket(s);
  return data;
}

COSM_ASYNC cosm::Coro<void> main_() {
  int lsock = cosm::tcp_listen("127.0.0.1", 0);
  int port = cosm::socket_port(lsock);
  auto srv = cosm::create_task(server(lsock, 5));
  std::vector<cosm::Coro<std::string>> clients;
  for (int i = 0; i < 5; ++i)
    clients.push_back(client(port, i));
  auto replies = cosm::await(cosm::gather(std::move(clients)));
  for (const std::string &r : replies)
    std::printf("%s\n", r.c_str());
  cosm::await(srv);
  cosm::close_socket(lsock);
  std::puts("server done");
  int s = cosm::tcp_socket();
  try {
    cosm::await(cosm::sock_connect(s, "127.0.0.1", port));
  } catch (const cosm::ConnectionRefusedError &e) {
    std::printf("refused errno %d\n", e.code());
  }
  cosm::close_socket(s);
}

int main() { cosm::run(main_()); }
