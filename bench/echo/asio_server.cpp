// The Boost.Asio echo server the benchmark compares with: one thread, one
// io_context, async_read_some then async_write per connection, TCP_NODELAY
// (as cosm and asyncio set it). Usage: asio_server [port]; prints
// "listening on PORT" and serves until killed.
#include <boost/asio.hpp>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <memory>

using boost::asio::ip::tcp;

class Session : public std::enable_shared_from_this<Session> {
public:
  explicit Session(tcp::socket S) : Sock(std::move(S)) {}
  void read() {
    Sock.async_read_some(boost::asio::buffer(Buf),
                         [Self = shared_from_this()](
                             boost::system::error_code Ec, std::size_t N) {
                           if (!Ec)
                             Self->write(N);
                         });
  }

private:
  void write(std::size_t N) {
    boost::asio::async_write(Sock, boost::asio::buffer(Buf.data(), N),
                             [Self = shared_from_this()](
                                 boost::system::error_code Ec, std::size_t) {
                               if (!Ec)
                                 Self->read();
                             });
  }
  tcp::socket Sock;
  std::array<char, 65536> Buf;
};

static void accept(tcp::acceptor &A) {
  A.async_accept([&A](boost::system::error_code Ec, tcp::socket S) {
    if (!Ec) {
      S.set_option(tcp::no_delay(true));
      std::make_shared<Session>(std::move(S))->read();
    }
    accept(A);
  });
}

int main(int argc, char **argv) {
  boost::asio::io_context Ctx(1);
  unsigned short Port = argc > 1 ? (unsigned short)std::atoi(argv[1]) : 0;
  tcp::acceptor A(Ctx, tcp::endpoint(boost::asio::ip::make_address("127.0.0.1"), Port));
  std::printf("listening on %d\n", A.local_endpoint().port());
  std::fflush(stdout);
  accept(A);
  Ctx.run();
}
