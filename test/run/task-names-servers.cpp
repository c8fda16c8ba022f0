// Task-N numbers around servers: asyncio's create_server gathers its
// address lookups (a task, even for a numeric host) and each accepted
// connection runs _accept_connection2 in a task; both take a number, so
// the handler and the user's later tasks are numbered as in asyncio. A
// Unix server gathers nothing; its accepts take a number each.
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/task-names-servers.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <unistd.h>

COSM_ASYNC cosm::Coro<void> nop() {}

COSM_ASYNC cosm::Coro<void> handler(cosm::StreamReader, cosm::StreamWriter w) {
  std::printf("handler: %s\n", cosm::current_task().get_name().c_str());
  w.close();
}

static std::string next_name() {
  return cosm::create_task(nop()).get_name();
}

COSM_ASYNC cosm::Coro<void> main_(std::string tmp) {
  cosm::Server s = cosm::await(cosm::start_server(handler, "127.0.0.1", 0));
  std::printf("after start_server: %s\n", next_name().c_str());
  for (int i = 0; i < 2; ++i) {
    auto [r, w] = cosm::await(
        cosm::open_connection("127.0.0.1", cosm::socket_port(s.sockets()[0])));
    cosm::await(r.read());
    w.close();
    std::printf("after connection %d: %s\n", i, next_name().c_str());
  }
  s.close();
  std::string path = tmp + "/names.sock";
  cosm::Server u = cosm::await(cosm::start_unix_server(handler, path));
  std::printf("after start_unix_server: %s\n", next_name().c_str());
  auto [r, w] = cosm::await(cosm::open_unix_connection(path));
  cosm::await(r.read());
  w.close();
  u.close();
  std::printf("after unix connection: %s\n", next_name().c_str());
}

int main() {
  char tmpl[] = "/tmp/cosm-task-names-XXXXXX";
  std::string tmp = ::mkdtemp(tmpl);
  cosm::run(main_(tmp));
  std::system(("rm -rf " + tmp).c_str());
}
