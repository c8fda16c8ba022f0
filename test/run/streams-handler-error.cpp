// A start_server handler that raises: as in CPython 3.11.7, the error is
// reported ("Unhandled exception in client_connected_cb", on stderr) and
// the connection is closed, so the client reads EOF instead of waiting.
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %python %S/Inputs/streams-handler-error.py > %t.want 2> %t.pyerr
// RUN: %t.gcc > %t.got 2> %t.err
// RUN: diff %t.want %t.got
// RUN: FileCheck %s < %t.err
// CHECK: Unhandled exception in client_connected_cb
// CHECK-NEXT: ValueError('handler failed')

#include <cosm/cosm.hpp>
#include <cstdio>

COSM_ASYNC cosm::Coro<void> handler(cosm::StreamReader reader,
                                    cosm::StreamWriter writer) {
  std::string data = cosm::await(reader.readline());
  std::printf("server got %zu bytes\n", data.size());
  throw cosm::ValueError("handler failed");
}

COSM_ASYNC cosm::Coro<void> main_() {
  cosm::Server server =
      cosm::await(cosm::start_server(handler, "127.0.0.1", 0));
  int port = cosm::socket_port(server.sockets()[0]);
  auto rw = cosm::await(cosm::open_connection("127.0.0.1", port));
  rw.second.write("hello\n");
  cosm::await(rw.second.drain());
  try {
    std::string got = cosm::await(cosm::wait_for(rw.first.read(100), 5));
    std::printf("client got %zu bytes\n", got.size());
  } catch (const cosm::TimeoutError &) {
    std::printf("client timed out\n");
  }
  rw.second.close();
  cosm::await(rw.second.wait_closed());
  server.close();
  cosm::await(server.wait_closed());
}

int main() { cosm::run(main_()); }
