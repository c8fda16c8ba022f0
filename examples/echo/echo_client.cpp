// The echo server's client: CONNECTIONS concurrent connections each send
// MESSAGES messages of SIZE bytes, one at a time, and check that every byte
// comes back. Usage: echo_client PORT CONNECTIONS MESSAGES SIZE. Exit status
// 1 if any byte differs or a connection fails.
#include <cosm/cosm.hpp>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

// Message i of connection c: bytes that differ between connections and
// messages, so that a reply sent to the wrong client is noticed.
static std::string message(int c, int i, int size) {
  std::string m((std::size_t)size, '\0');
  for (int k = 0; k < size; ++k)
    m[(std::size_t)k] = (char)('a' + (c * 7 + i * 3 + k) % 26);
  return m;
}

COSM_ASYNC cosm::Coro<long> client(int port, int c, int messages, int size) {
  auto [reader, writer] = cosm::await(cosm::open_connection("127.0.0.1", port));
  long echoed = 0;
  for (int i = 0; i < messages; ++i) {
    std::string m = message(c, i, size);
    writer.write(m);
    cosm::await(writer.drain());
    std::string reply = cosm::await(reader.readexactly((std::ptrdiff_t)m.size()));
    if (reply != m) {
      std::fprintf(stderr, "connection %d message %d: wrong reply\n", c, i);
      break;
    }
    echoed += (long)reply.size();
  }
  writer.close();
  cosm::await(writer.wait_closed());
  return echoed;
}

COSM_ASYNC cosm::Coro<int> run_clients(int port, int connections, int messages,
                                       int size) {
  std::vector<cosm::Coro<long>> clients;
  for (int c = 0; c < connections; ++c)
    clients.push_back(client(port, c, messages, size));
  std::vector<long> echoed = cosm::await(cosm::gather(std::move(clients)));
  long total = 0;
  for (long e : echoed)
    total += e;
  long want = (long)connections * messages * size;
  std::printf("%d connections x %d messages x %d bytes: %ld of %ld bytes "
              "echoed\n",
              connections, messages, size, total, want);
  return total == want ? 0 : 1;
}

int main(int argc, char **argv) {
  if (argc != 5) {
    std::fprintf(stderr, "usage: echo_client PORT CONNECTIONS MESSAGES SIZE\n");
    return 2;
  }
  try {
    return cosm::run(run_clients(std::atoi(argv[1]), std::atoi(argv[2]),
                                 std::atoi(argv[3]), std::atoi(argv[4])));
  } catch (const std::exception &e) {
    std::fprintf(stderr, "echo_client: %s\n", e.what());
    return 1;
  }
}
