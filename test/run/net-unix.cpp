// Unix stream sockets against asyncio: start_unix_server and
// open_unix_connection on a path (the file left after close, then
// replaced by the next server) and on a Linux abstract name (given as
// bytes by peername; a second server on it names it in the error), then a
// missing path and a path nobody listens on.
//
// RUN: %cosm-lower %s -o %t.cpp -- -std=c++17 -I%cosm_incdir
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/net-unix.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <sys/stat.h>
#include <unistd.h>
#include <utility>
#include <vector>

static std::string strip(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == ' '))
    s.pop_back();
  return s;
}

COSM_ASYNC cosm::Coro<void> handle(cosm::StreamReader reader,
                                   cosm::StreamWriter writer) {
  for (;;) {
    std::string line = cosm::await(reader.readline());
    if (line.empty())
      break;
    for (char &c : line)
      c = (char)std::toupper((unsigned char)c);
    writer.write(line);
  }
  writer.close();
}

COSM_ASYNC cosm::Coro<std::pair<std::string, cosm::SocketAddress>>
round_trip(std::string path, std::string text) {
  auto rw = cosm::await(cosm::open_unix_connection(path));
  rw.second.write(text + "\n");
  std::string answer = strip(cosm::await(rw.first.readline()));
  cosm::SocketAddress peer = rw.second.peername();
  rw.second.close();
  cosm::await(rw.second.wait_closed());
  return std::make_pair(answer, peer);
}

static const char *py(bool b) { return b ? "True" : "False"; }

COSM_ASYNC cosm::Coro<void> main_(std::string tmp) {
  std::string path = tmp + "/echo.sock";
  cosm::Server server = cosm::await(cosm::start_unix_server(handle, path));
  auto r = cosm::await(round_trip(path, "on a path"));
  std::printf("path: %s, peer is the path: %s\n", r.first.c_str(),
              py(r.second.host == path));
  server.close();
  cosm::await(server.wait_closed());
  struct stat st;
  std::printf("socket file left after close: %s\n",
              py(::stat(path.c_str(), &st) == 0));
  server = cosm::await(cosm::start_unix_server(handle, path));
  r = cosm::await(round_trip(path, "stale file replaced"));
  std::printf("path again: %s\n", r.first.c_str());
  server.close();
  cosm::await(server.wait_closed());

  std::string name = std::string(1, '\0') + "cosm-net-unix-" +
                     std::to_string(::getpid());
  server = cosm::await(cosm::start_unix_server(handle, name));
  r = cosm::await(round_trip(name, "abstract"));
  std::printf("abstract: %s, peer is bytes: %s\n", r.first.c_str(),
              py(r.second.to_string().substr(0, 2) == "b'"));
  try {
    cosm::await(cosm::start_unix_server(handle, name));
  } catch (const cosm::OSError &e) {
    std::string repr = "'\\x00" + name.substr(1) + "'";
    std::printf("abstract twice: errno %d, message names it: %s\n", e.code(),
                py(std::string(e.what()).find(repr) != std::string::npos));
  }
  server.close();
  cosm::await(server.wait_closed());

  std::vector<std::string> paths = {tmp + "/missing.sock", path};
  for (const std::string &p : paths) {
    try {
      cosm::await(cosm::open_unix_connection(p));
    } catch (const cosm::OSError &e) {
      bool refused = dynamic_cast<const cosm::ConnectionRefusedError *>(&e);
      std::printf("refused: %s, %s\n", py(refused), e.what());
    }
  }
}

int main() {
  char tmpl[] = "/tmp/cosm-net-unix-XXXXXX";
  std::string tmp = ::mkdtemp(tmpl);
  cosm::run(main_(tmp));
  std::system(("rm -rf " + tmp).c_str());
}
