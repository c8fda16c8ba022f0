// Streams' failure paths against asyncio: a peer that closes in the middle
// of readexactly, a reset seen by read, drain and wait_closed, cancellation
// and wait_for while blocked in readline, a line over the reader's limit.
// Pass counts are relative to the step they follow (a callback that
// re-schedules itself counts them, in both programs).
//
// RUN: %cosm-lower %s -o %t.cpp -- -std=c++17 -I%cosm_incdir
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/streams-failures.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>
#include <string>
#include <sys/socket.h>
#include <utility>

static int passes = 0;
static cosm::Event go;

static void tick() {
  ++passes;
  cosm::get_running_loop().call_soon(tick);
}

static std::string strip(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == ' '))
    s.pop_back();
  return s;
}

COSM_ASYNC cosm::Coro<void> handle(cosm::StreamReader reader,
                                   cosm::StreamWriter writer) {
  std::string what = strip(cosm::await(reader.readline()));
  if (what == "half") {
    writer.write("abc");
  } else if (what == "reset") {
    linger l{1, 0};
    setsockopt(writer.fd(), SOL_SOCKET, SO_LINGER, &l, sizeof l);
  } else if (what == "slow") {
    cosm::await(go.wait());
    writer.write("late\n");
  } else if (what == "big") {
    writer.write(std::string(40, 'x') + "\ntail\n" + std::string(40, 'y'));
  }
  writer.close();
}

COSM_ASYNC cosm::Coro<std::pair<cosm::StreamReader, cosm::StreamWriter>>
connect(int port, std::string what, std::size_t limit) {
  auto rw = cosm::await(cosm::open_connection("127.0.0.1", port, limit));
  rw.second.write(what + "\n");
  return rw;
}

COSM_ASYNC cosm::Coro<void> main_() {
  cosm::get_running_loop().call_soon(tick);
  cosm::Server server = cosm::await(cosm::start_server(handle, "127.0.0.1", 0));
  int port = cosm::socket_port(server.sockets()[0]);

  auto [reader, writer] = cosm::await(connect(port, "half", 65536));
  int p0 = passes;
  try {
    cosm::await(reader.readexactly(10));
  } catch (const cosm::IncompleteReadError &e) {
    std::printf("half: IncompleteReadError %s, partial %s, +%d\n", e.what(),
                e.partial().c_str(), passes - p0);
  }
  writer.close();
  cosm::await(writer.wait_closed());

  auto [reader2, writer2] = cosm::await(connect(port, "reset", 65536));
  p0 = passes;
  try {
    cosm::await(reader2.read(100));
  } catch (const cosm::ConnectionResetError &e) {
    std::printf("reset: read raises ConnectionResetError %s, +%d\n", e.what(),
                passes - p0);
  }
  for (int i = 0; i < 2; ++i) {
    writer2.write("data");
    try {
      cosm::await(writer2.drain());
    } catch (const cosm::ConnectionResetError &e) {
      std::printf("reset: drain raises ConnectionResetError %s\n", e.what());
    }
  }
  try {
    cosm::await(writer2.wait_closed());
  } catch (const cosm::ConnectionResetError &e) {
    std::printf("reset: wait_closed raises ConnectionResetError %s\n",
                e.what());
  }

  auto [reader3, writer3] = cosm::await(connect(port, "slow", 65536));
  cosm::Task<std::string> t = cosm::create_task(reader3.readline());
  cosm::await(cosm::sleep(0));
  p0 = passes;
  t.cancel();
  try {
    cosm::await(t);
  } catch (const cosm::CancelledError &) {
    std::printf("slow: cancelled while reading, +%d\n", passes - p0);
  }
  try {
    cosm::await(cosm::wait_for(reader3.readline(), 0.05));
  } catch (const cosm::TimeoutError &) {
    std::printf("slow: wait_for readline: TimeoutError\n");
  }
  go.set();
  p0 = passes;
  std::string line = cosm::await(reader3.readline());
  std::printf("slow: then %s, +%d\n", strip(line).c_str(), passes - p0);
  std::string rest = cosm::await(reader3.read());
  std::printf("slow: at EOF '%s' %s\n", rest.c_str(),
              reader3.at_eof() ? "True" : "False");
  writer3.close();

  auto [reader4, writer4] = cosm::await(connect(port, "big", 16));
  try {
    cosm::await(reader4.readuntil("\n"));
  } catch (const cosm::LimitOverrunError &e) {
    std::printf("big: readuntil LimitOverrunError %s consumed %zu\n", e.what(),
                e.consumed());
  }
  try {
    cosm::await(reader4.readline());
  } catch (const cosm::ValueError &e) {
    std::printf("big: readline ValueError %s\n", e.what());
  }
  std::printf("big: next line %s\n",
              strip(cosm::await(reader4.readline())).c_str());
  try {
    cosm::await(reader4.readline());
  } catch (const cosm::ValueError &e) {
    std::printf("big: readline ValueError %s\n", e.what());
  }
  std::printf("big: at_eof %s\n", reader4.at_eof() ? "True" : "False");
  writer4.close();
  cosm::await(writer4.wait_closed());

  server.close();
  cosm::await(server.wait_closed());
  std::printf("done\n");
}

int main() { cosm::run(main_()); }
