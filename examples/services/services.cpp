// A small service, the way real ones are put together: it resolves a host
// name, serves one line protocol on IPv6 and on a Unix socket at once, and
// takes the text it sends from a subprocess. It prints what its asyncio
// twin, services.py, prints (ctest compares the two).
//
//   ./scripts/cosm demo shows the lowered code of the seed's programs; this
//   one is built as build/examples/services/services.

#include <cosm/cosm.hpp>

#include <cctype>
#include <cstdio>
#include <set>
#include <string>
#include <sys/socket.h>
#include <unistd.h>
#include <utility>
#include <vector>

static std::string strip(std::string Text) {
  while (!Text.empty() && (Text.back() == '\n' || Text.back() == ' '))
    Text.pop_back();
  return Text;
}

// The protocol: one line in, the same line in capitals out.
COSM_ASYNC cosm::Coro<void> shout(cosm::StreamReader reader,
                                  cosm::StreamWriter writer) {
  std::string line = cosm::await(reader.readline());
  for (char &c : line)
    c = (char)std::toupper((unsigned char)c);
  writer.write(line);
  cosm::await(writer.drain());
  writer.close();
}

COSM_ASYNC cosm::Coro<std::string>
ask(std::pair<cosm::StreamReader, cosm::StreamWriter> stream,
    std::string text) {
  stream.second.write(text + "\n");
  std::string answer = cosm::await(stream.first.readline());
  stream.second.close();
  cosm::await(stream.second.wait_closed());
  return strip(answer);
}

COSM_ASYNC cosm::Coro<void> main_(std::string path) {
  // A name, through getaddrinfo on the default executor ("localhost" comes
  // from /etc/hosts: no DNS).
  std::vector<cosm::AddrInfo> infos = cosm::await(
      cosm::get_running_loop().getaddrinfo(std::string("localhost"), 0, 0,
                                           SOCK_STREAM));
  std::set<std::string> hosts;
  for (const cosm::AddrInfo &info : infos)
    hosts.insert(info.sockaddr.host);
  std::printf("localhost is");
  for (const std::string &host : hosts)
    std::printf(" %s", host.c_str());
  std::printf("\n");

  // One protocol, two servers: IPv6 loopback and a Unix socket.
  cosm::Server tcp = cosm::await(cosm::start_server(shout, "::1", 0));
  int port = cosm::socket_port(tcp.sockets().front());
  cosm::Server local = cosm::await(cosm::start_unix_server(shout, path));
  std::printf("serving on [::1] and on a Unix socket\n");

  // The text to send comes from a child process.
  cosm::SubprocessOptions options;
  options.stdout_ = cosm::subprocess::PIPE;
  cosm::Process child = cosm::await(cosm::create_subprocess_exec(
      "sh", {"-c", "echo hello from pid $$ | cut -d' ' -f1,2"}, options));
  auto output = cosm::await(child.communicate());
  std::string text = strip(*output.first);
  std::printf("the child said '%s' and exited with %d\n", text.c_str(),
              *child.returncode());

  // Both servers at once.
  auto v6 = cosm::await(cosm::open_connection("::1", port));
  auto unix_socket = cosm::await(cosm::open_unix_connection(path));
  auto answers = cosm::await(
      cosm::gather(ask(v6, text), ask(unix_socket, text + " again")));
  std::printf("over IPv6: %s\n", std::get<0>(answers).c_str());
  std::printf("over the Unix socket: %s\n", std::get<1>(answers).c_str());

  tcp.close();
  local.close();
  cosm::await(tcp.wait_closed());
  cosm::await(local.wait_closed());
  std::printf("closed\n");
}

int main() {
  std::string path = "/tmp/cosm-services-" + std::to_string(::getpid());
  cosm::run(main_(path));
  ::unlink(path.c_str());
}
