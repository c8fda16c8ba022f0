// Streams end to end: start_server with a handler task per connection,
// open_connection, readline/readexactly/read, write/drain, close and
// wait_closed, and the pass in which each step happens (a callback that
// re-schedules itself counts the passes, in both programs).
//
// RUN: %cosm-lower %s -o %t.cpp -- -std=c++17 -I%cosm_incdir
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/streams-echo.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <cctype>
#include <cstdio>
#include <string>
#include <utility>

static int passes = 0;

static void tick() {
  ++passes;
  cosm::get_running_loop().call_soon(tick);
}

COSM_ASYNC cosm::Coro<void> handle(cosm::StreamReader reader,
                                   cosm::StreamWriter writer) {
  std::printf("handler starts at %d\n", passes);
  for (;;) {
    std::string line = cosm::await(reader.readline());
    if (line.empty())
      break;
    std::printf("server got %zu bytes at %d\n", line.size(), passes);
    for (char &c : line)
      c = (char)std::toupper((unsigned char)c);
    writer.write(line);
    cosm::await(writer.drain());
  }
  std::printf("server sees EOF at %d\n", passes);
  writer.write("bye");
  writer.close();
  cosm::await(writer.wait_closed());
  std::printf("server closed at %d\n", passes);
}

COSM_ASYNC cosm::Coro<void> main_() {
  cosm::get_running_loop().call_soon(tick);
  cosm::await(cosm::sleep(0));
  int p0 = passes;
  cosm::Server server = cosm::await(cosm::start_server(handle, "127.0.0.1", 0));
  std::printf("start_server took %d passes\n", passes - p0);
  int port = cosm::socket_port(server.sockets()[0]);
  p0 = passes;
  auto [reader, writer] = cosm::await(cosm::open_connection("127.0.0.1", port));
  std::printf("open_connection took %d passes\n", passes - p0);
  writer.write("hello\nworld\n");
  cosm::await(writer.drain());
  std::printf("client drained at %d\n", passes);
  std::string a = cosm::await(reader.readline());
  std::printf("client got %s", a.c_str());
  std::string b = cosm::await(reader.readexactly(3));
  std::printf("then %s at %d\n", b.c_str(), passes);
  writer.write_eof();
  try {
    cosm::await(reader.readexactly(10));
  } catch (const cosm::IncompleteReadError &e) {
    std::printf("IncompleteReadError: %s (partial '%s') at %d\n", e.what(),
                e.partial().c_str(), passes);
  }
  std::string rest = cosm::await(reader.read());
  std::printf("read() at EOF: '%s', at_eof %s\n", rest.c_str(),
              reader.at_eof() ? "True" : "False");
  writer.close();
  std::printf("is_closing %s\n", writer.is_closing() ? "True" : "False");
  cosm::await(writer.wait_closed());
  std::printf("client closed at %d\n", passes);
  server.close();
  cosm::await(server.wait_closed());
  std::printf("server sockets after close: %zu\n", server.sockets().size());
}

int main() { cosm::run(main_()); }
