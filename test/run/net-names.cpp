// Host names, IPv6 and ports against asyncio: getaddrinfo/getnameinfo on
// the loop, gaierror for a name that cannot resolve (from getaddrinfo,
// open_connection and start_server), streams by name, over ::1 and on the
// every-family server of start_server(nullptr), and the OverflowError of
// ports outside 0-65535. Loopback only; no port is printed.
//
// RUN: %cosm-lower %s -o %t.cpp -- -std=c++17 -I%cosm_incdir
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/net-names.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <algorithm>
#include <cctype>
#include <cstdio>
#include <string>
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

COSM_ASYNC cosm::Coro<void> round_trip(std::string host, int port,
                                     std::string text) {
  auto rw = cosm::await(cosm::open_connection(host, port));
  int family = rw.second.sockname().family;
  rw.second.write(text + "\n");
  std::string answer = strip(cosm::await(rw.first.readline()));
  rw.second.close();
  cosm::await(rw.second.wait_closed());
  std::printf("%s: %s over %s\n", host.c_str(), answer.c_str(),
              family == AF_INET6 ? "AF_INET6" : "AF_INET");
}

COSM_ASYNC cosm::Coro<void> main_() {
  cosm::Loop &loop = cosm::get_running_loop();
  std::vector<cosm::AddrInfo> infos =
      cosm::await(loop.getaddrinfo("localhost", 80, AF_INET, SOCK_STREAM));
  std::printf("getaddrinfo localhost: %s\n",
              infos[0].sockaddr.to_string().c_str());
  auto hs = cosm::await(loop.getnameinfo(cosm::SocketAddress{"127.0.0.1", 80}));
  std::printf("getnameinfo: ('%s', '%s')\n", hs.first.c_str(),
              hs.second.c_str());
  const char *whats[] = {"getaddrinfo", "open_connection", "start_server"};
  for (const char *what : whats) {
    try {
      if (std::string(what) == "getaddrinfo")
        cosm::await(loop.getaddrinfo("bad name", 80));
      else if (std::string(what) == "open_connection")
        cosm::await(cosm::open_connection("bad name", 80));
      else
        cosm::await(cosm::start_server(handle, "bad name", 0));
    } catch (const cosm::gaierror &e) {
      const cosm::OSError *base = &e;
      std::printf("%s: gaierror %s (an OSError: %s)\n", what, e.what(),
                  base ? "True" : "False");
    }
  }

  cosm::Server server = cosm::await(cosm::start_server(handle, "localhost", 0));
  int port = cosm::socket_port(server.sockets()[0]);
  cosm::await(round_trip("localhost", port, "by name"));
  cosm::await(round_trip("127.0.0.1", port, "by number"));
  server.close();
  cosm::await(server.wait_closed());

  cosm::Server server6 = cosm::await(cosm::start_server(handle, "::1", 0));
  cosm::SocketAddress where6 = cosm::socket_name(server6.sockets()[0]);
  std::printf("IPv6 server address has %d fields\n",
              where6.family == AF_INET6 ? 4 : 2);
  cosm::await(round_trip("::1", where6.port, "six"));
  server6.close();
  cosm::await(server6.wait_closed());

  cosm::Server every = cosm::await(cosm::start_server(handle, nullptr, 0));
  std::vector<cosm::SocketAddress> names;
  for (int fd : every.sockets())
    names.push_back(cosm::socket_name(fd));
  std::vector<std::string> hosts;
  for (const cosm::SocketAddress &a : names)
    hosts.push_back(a.host);
  std::sort(hosts.begin(), hosts.end());
  std::string list;
  for (const std::string &h : hosts)
    list += (list.empty() ? "'" : ", '") + h + "'";
  std::printf("host None listens on [%s]\n", list.c_str());
  std::sort(names.begin(), names.end(),
            [](const cosm::SocketAddress &a, const cosm::SocketAddress &b) {
              return a.family < b.family;
            });
  for (const cosm::SocketAddress &a : names)
    cosm::await(round_trip(a.family == AF_INET6 ? "::1" : "127.0.0.1", a.port,
                         "everywhere"));
  every.close();
  cosm::await(every.wait_closed());

  const char *hosts2[] = {"127.0.0.1", "::1"};
  int ports2[] = {70000, -1};
  for (int i = 0; i < 2; ++i) {
    try {
      cosm::await(cosm::open_connection(hosts2[i], ports2[i]));
    } catch (const cosm::OverflowError &e) {
      std::printf("open_connection port %d: OverflowError %s\n", ports2[i],
                  e.what());
    }
  }
  try {
    cosm::await(cosm::start_server(handle, "127.0.0.1", 65536));
  } catch (const cosm::OverflowError &e) {
    std::printf("start_server port 65536: OverflowError %s\n", e.what());
  }
  try {
    cosm::await(cosm::open_connection("127.0.0.1", port,
                                      cosm::stream_default_limit, 0,
                                      cosm::SocketAddress{"::1", 0}));
  } catch (const cosm::OSError &e) {
    std::printf("local_addr of another family: %s\n", e.what());
  }
}

int main() { cosm::run(main_()); }
