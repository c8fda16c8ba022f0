// An echo server on cosm streams: one task per connection sends back every
// byte it reads. Usage: echo_server [port] (default 0: any free port). It
// prints "listening on PORT" once it accepts connections and serves until
// it is killed.
#include <cosm/cosm.hpp>

#include <cstdio>
#include <cstdlib>
#include <string>

COSM_ASYNC cosm::Coro<void> echo(cosm::StreamReader reader,
                                 cosm::StreamWriter writer) {
  try {
    for (;;) {
      std::string data = cosm::await(reader.read(65536));
      if (data.empty())
        break;
      writer.write(data);
      cosm::await(writer.drain());
    }
  } catch (const cosm::ConnectionError &) {
    // The client vanished: nothing to send back.
  }
  writer.close();
}

COSM_ASYNC cosm::Coro<void> serve(int port) {
  cosm::Server server = cosm::await(cosm::start_server(echo, "127.0.0.1", port));
  std::printf("listening on %d\n", cosm::socket_port(server.sockets()[0]));
  std::fflush(stdout);
  cosm::await(server.serve_forever());
}

int main(int argc, char **argv) {
  cosm::run(serve(argc > 1 ? std::atoi(argv[1]) : 0));
}
