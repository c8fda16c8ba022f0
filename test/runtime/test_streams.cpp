//===- test_streams.cpp - StreamReader, StreamWriter, servers -------------===//
///
/// \file
/// asyncio 3.11 streams: the reader's buffer rules on a reader fed by hand,
/// then the failure paths over loopback: a peer that closes or resets in
/// the middle of a read, drain() after a reset, drain() above the
/// high-water mark, cancellation and wait_for() timeouts while blocked in a
/// read, serve_forever() cancelled. (test/run/streams-echo.cpp checks the
/// pass of every step against asyncio.)
///
//===----------------------------------------------------------------------===//
#include "test_frames.hpp"

#include <fcntl.h>
#include <sys/socket.h>

using namespace cosm_test;

namespace {

struct Streams : ::testing::Test, Fixture {};

/// What taking Slot's result gives: the value, or the error's type and text.
template <class T> std::string outcome(cosm::Coro<T> &Slot) {
  try {
    if constexpr (std::is_void_v<T>) {
      Slot.take_result();
      return "ok";
    } else {
      return "'" + Slot.take_result() + "'";
    }
  } catch (const cosm::IncompleteReadError &E) {
    return std::string("IncompleteReadError: ") + E.what() + " partial '" +
           E.partial() + "'";
  } catch (const cosm::LimitOverrunError &E) {
    return std::string("LimitOverrunError: ") + E.what() + " consumed " +
           std::to_string(E.consumed());
  } catch (const cosm::ConnectionError &E) {
    return std::string("ConnectionError: ") + E.what();
  } catch (const cosm::ValueError &E) {
    return std::string("ValueError: ") + E.what();
  } catch (const cosm::RuntimeError &E) {
    return std::string("RuntimeError: ") + E.what();
  } catch (const cosm::TimeoutError &) {
    return "TimeoutError";
  } catch (const cosm::CancelledError &) {
    return "CancelledError";
  }
}

TEST_F(Streams, ReaderBufferRules) {
  cosm::run(lambda_coro("main", [R = cosm::StreamReader(8),
                                 S = cosm::Coro<std::string>()](
                                    auto &F) mutable {
    switch (F.state) {
    case 1: goto resume_1;
    case 2: goto resume_2;
    case 3: goto resume_3;
    case 4: goto resume_4;
    case 5: goto resume_5;
    case 6: goto resume_6;
    case 7: goto resume_7;
    }
    R.feed_data("ab\ncdefghijklm\nxyz");
    AWAIT_CORO(F, 1, S, R.readline());
    p("readline " + outcome(S));
    // The separator is 13 bytes in: beyond the limit (8), nothing consumed.
    AWAIT_CORO(F, 2, S, R.readuntil("\n"));
    p(outcome(S));
    // readline() turns it into ValueError and drops the line.
    AWAIT_CORO(F, 3, S, R.readline());
    p(outcome(S));
    AWAIT_CORO(F, 4, S, R.readexactly(2));
    p("readexactly " + outcome(S));
    R.feed_eof();
    AWAIT_CORO(F, 5, S, R.readexactly(5));
    p(outcome(S));

    print(std::string("at_eof ") + (R.at_eof() ? "True" : "False"));
    AWAIT_CORO(F, 6, S, R.read());
    p("read at EOF " + outcome(S));
    AWAIT_CORO(F, 7, S, R.readexactly(-1));
    p(outcome(S));
    return F.finish();
  }));
  EXPECT_EQ(out(),
            (std::vector<std::string>{
                "readline 'ab\n' @ 1",
                "LimitOverrunError: Separator is found, but chunk is longer "
                "than limit consumed 11 @ 1",
                "ValueError: Separator is found, but chunk is longer than "
                "limit @ 1",
                "readexactly 'xy' @ 1",
                "IncompleteReadError: 1 bytes read on a total of 5 expected "
                "bytes partial 'z' @ 1",
                "at_eof True",
                "read at EOF '' @ 1",
                "ValueError: readexactly size can not be less than zero @ 1"}));
}

// readuntil() at EOF without its separator: asyncio's message says
// "undefined" for the expected size it does not know.
TEST_F(Streams, ReadUntilAtEofExpectsAnUndefinedSize) {
  cosm::run(lambda_coro("main", [R = cosm::StreamReader(),
                                 S = cosm::Coro<std::string>()](
                                    auto &F) mutable {
    switch (F.state) {
    case 1: goto resume_1;
    }
    R.feed_data("tail");
    R.feed_eof();
    AWAIT_CORO(F, 1, S, R.readuntil("\n"));
    p(outcome(S));
    return F.finish();
  }));
  EXPECT_EQ(out(), (std::vector<std::string>{
                       "IncompleteReadError: 4 bytes read on a total of "
                       "undefined expected bytes partial 'tail' @ 1"}));
}

// A reader waits for data: woken one pass after feed_data; a second reader
// meanwhile is a RuntimeError; read(-1) collects until EOF.
TEST_F(Streams, WaitingReaderWakesAndASecondReaderIsRefused) {
  cosm::run(lambda_coro("main", [R = cosm::StreamReader(),
                                 T = cosm::Task<std::string>(),
                                 S = cosm::Coro<std::string>(),
                                 Y = cosm::Coro<void>()](auto &F) mutable {
    switch (F.state) {
    case 1: goto resume_1;
    case 2: goto resume_2;
    case 3: goto resume_3;
    case 4: goto resume_4;
    case 5: goto resume_5;
    }
    T = cosm::create_task(R.readexactly(4));
    AWAIT_CORO(F, 1, Y, cosm::sleep(0));
    Y.take_result();
    AWAIT_CORO(F, 2, S, R.read(10));
    p(outcome(S));
    // asyncio's readline() waits inside readuntil(), and says so.
    AWAIT_CORO(F, 5, S, R.readline());
    p(outcome(S));
    p("feed");
    R.feed_data("abcdef");
    AWAIT(F, 3, T);
    p("task got " + T.result());
    cosm::get_running_loop().call_soon([R] { R.feed_data("gh"); });
    cosm::get_running_loop().call_soon([R] { R.feed_eof(); });
    AWAIT_CORO(F, 4, S, R.read());
    p("read() " + outcome(S));
    return F.finish();
  }));
  EXPECT_EQ(out(), (std::vector<std::string>{
                       "RuntimeError: read() called while another coroutine "
                       "is already waiting for incoming data @ 2",
                       "RuntimeError: readuntil() called while another "
                       "coroutine is already waiting for incoming data @ 2",
                       "feed @ 2", "task got abcd @ 4", "read() 'efgh' @ 6"}));
}

/// A server whose handler is Body(reader, writer), and a client connected
/// to it: the fixture of the socket tests below.
using Handler = std::function<cosm::Coro<void>(cosm::StreamReader,
                                               cosm::StreamWriter)>;

/// async def handler(r, w): w.write(data); (reset? abort : close)
Handler writeThenClose(std::string Data, bool Reset) {
  return [Data, Reset](cosm::StreamReader, cosm::StreamWriter W) {
    return lambda_coro("handler", [Data, Reset, W](auto &F) {
      W.write(Data);
      if (Reset) {
        // SO_LINGER 0: close() sends a reset.
        linger L{1, 0};
        ::setsockopt(W.fd(), SOL_SOCKET, SO_LINGER, &L, sizeof L);
      }
      W.close();
      return F.finish();
    });
  };
}

/// async def main(): server, connection, Client(reader, writer) awaited.
template <class ClientFn> void withConnection(Handler H, ClientFn Client) {
  cosm::run(lambda_coro(
      "main", [H, Client, Srv = cosm::Server(), Sv = cosm::Coro<cosm::Server>(),
               P = cosm::Coro<std::pair<cosm::StreamReader,
                                         cosm::StreamWriter>>(),
               C = cosm::Coro<void>()](auto &F) mutable {
        switch (F.state) {
        case 1: goto resume_1;
        case 2: goto resume_2;
        case 3: goto resume_3;
        }
        AWAIT_CORO(F, 1, Sv, cosm::start_server(H, "127.0.0.1", 0));
        Srv = Sv.take_result();
        AWAIT_CORO(F, 2, P,
                   cosm::open_connection(
                       "127.0.0.1", cosm::socket_port(Srv.sockets().at(0))));
        {
          auto RW = P.take_result();
          C = Client(RW.first, RW.second);
        }
      resume_3:
        if (C.step() == cosm::Step::Suspended) {
          F.state = 3;
          return cosm::Step::Suspended;
        }
        Srv.close();
        C.take_result();
        return F.finish();
      }));
}

TEST_F(Streams, PeerClosesInTheMiddleOfAReadExactly) {
  withConnection(writeThenClose("abc", false),
                 [](cosm::StreamReader R, cosm::StreamWriter W) {
                   return lambda_coro("client", [R, W,
                                                 S = cosm::Coro<std::string>(),
                                                 V = cosm::Coro<void>()](
                                                    auto &F) mutable {
                     switch (F.state) {
                     case 1: goto resume_1;
                     case 2: goto resume_2;
                     }
                     print("peer " + W.peername().host + ", local " +
                           W.sockname().host + ", ports differ " +
                           (W.peername().port != W.sockname().port ? "True"
                                                                   : "False"));
                     AWAIT_CORO(F, 1, S, R.readexactly(10));
                     print(outcome(S));
                     W.close();
                     AWAIT_CORO(F, 2, V, W.wait_closed());
                     print("wait_closed " + outcome(V));
                     return F.finish();
                   });
                 });
  EXPECT_EQ(out(), (std::vector<std::string>{
                       "peer 127.0.0.1, local 127.0.0.1, ports differ True",
                       "IncompleteReadError: 3 bytes read on a total of 10 "
                       "expected bytes partial 'abc'",
                       "wait_closed ok"}));
}

// A reset reaches the reader as ConnectionResetError with the errno text;
// writing and draining afterwards raise, never SIGPIPE; wait_closed()
// raises the connection's error.
TEST_F(Streams, ResetDuringReadThenDrainAfterReset) {
  withConnection(writeThenClose("", true), [](cosm::StreamReader R,
                                              cosm::StreamWriter W) {
    return lambda_coro("client", [R, W, I = 0, S = cosm::Coro<std::string>(),
                                  V = cosm::Coro<void>()](auto &F) mutable {
      switch (F.state) {
      case 1: goto resume_1;
      case 2: goto resume_2;
      case 3: goto resume_3;
      }
      AWAIT_CORO(F, 1, S, R.read(100));
      print("read " + outcome(S));
      for (I = 0; I < 3; ++I) {
        W.write(std::string(100000, 'x'));
        AWAIT_CORO(F, 2, V, W.drain());
        print("drain " + outcome(V));
      }
      print(std::string("is_closing ") + (W.is_closing() ? "True" : "False"));
      AWAIT_CORO(F, 3, V, W.wait_closed());
      print("wait_closed " + outcome(V));
      return F.finish();
    });
  });
  std::string Reset = "ConnectionError: [Errno 104] Connection reset by peer";
  EXPECT_EQ(out(), (std::vector<std::string>{"read " + Reset, "drain " + Reset,
                                             "drain " + Reset, "drain " + Reset,
                                             "is_closing True",
                                             "wait_closed " + Reset}));
}

// write_eof() raises shutdown()'s error, as asyncio's: the peer closed, a
// write made it answer with a reset, and the socket is no longer connected.
TEST_F(Streams, WriteEofAfterAResetRaises) {
  withConnection(writeThenClose("", false), [](cosm::StreamReader R,
                                               cosm::StreamWriter W) {
    return lambda_coro("client", [R, W, S = cosm::Coro<std::string>(),
                                  V = cosm::Coro<void>()](auto &F) mutable {
      switch (F.state) {
      case 1: goto resume_1;
      case 2: goto resume_2;
      }
      AWAIT_CORO(F, 1, S, R.read());
      print("read " + outcome(S));
      W.write("bye");
      AWAIT_CORO(F, 2, V, cosm::sleep(0.1));
      try {
        W.write_eof();
        print("write_eof ok");
      } catch (const cosm::OSError &E) {
        print(std::string("write_eof OSError ") + E.what());
      }
      W.close();
      return F.finish();
    });
  });
  EXPECT_EQ(out(), (std::vector<std::string>{
                       "read ''", "write_eof OSError [Errno 107] Transport "
                                  "endpoint is not connected"}));
}

// The peer does not read: write() buffers beyond the 64 KiB high-water mark
// and drain() waits until the peer has taken enough; every byte arrives.
TEST_F(Streams, DrainWaitsAboveTheHighWaterMark) {
  static cosm::Event Go;
  Go = cosm::Event();
  static std::size_t Received;
  Received = 0;
  Handler Slow = [](cosm::StreamReader R, cosm::StreamWriter W) {
    return lambda_coro("slow_reader", [R, W, B = cosm::Coro<bool>(),
                                       S = cosm::Coro<std::string>()](
                                          auto &F) mutable {
      switch (F.state) {
      case 1: goto resume_1;
      case 2: goto resume_2;
      }
      AWAIT_CORO(F, 1, B, Go.wait());
      B.take_result();
      AWAIT_CORO(F, 2, S, R.read());
      Received = S.take_result().size();
      W.close();
      return F.finish();
    });
  };
  withConnection(Slow, [](cosm::StreamReader R, cosm::StreamWriter W) {
    return lambda_coro("client", [R, W, T = cosm::Task<void>(),
                                  S = cosm::Coro<std::string>(),
                                  V = cosm::Coro<void>()](auto &F) mutable {
      switch (F.state) {
      case 1: goto resume_1;
      case 2: goto resume_2;
      case 3: goto resume_3;
      case 4: goto resume_4;
      }
      W.write(std::string(16 << 20, 'x'));
      print(std::string("buffered above 64 KiB: ") +
            (W.write_buffer_size() > 65536 ? "True" : "False"));
      T = cosm::create_task(W.drain());
      AWAIT_CORO(F, 1, V, cosm::sleep(0.05));
      V.take_result();
      print(std::string("drain done before the peer reads: ") +
            (T.done() ? "True" : "False"));
      Go.set();
      AWAIT(F, 2, T);
      T.result();
      print(std::string("after drain, buffered at most 16 KiB: ") +
            (W.write_buffer_size() <= 16384 ? "True" : "False"));
      W.write_eof();
      AWAIT_CORO(F, 3, S, R.read());
      print("server closed: " + outcome(S));
      W.close();
      AWAIT_CORO(F, 4, V, W.wait_closed());
      V.take_result();
      return F.finish();
    });
  });
  EXPECT_EQ(out(), (std::vector<std::string>{
                       "buffered above 64 KiB: True",
                       "drain done before the peer reads: False",
                       "after drain, buffered at most 16 KiB: True",
                       "server closed: ''"}));
  EXPECT_EQ(Received, std::size_t(16) << 20);
}

// A task blocked in read() is cancelled: CancelledError one pass later and
// the reader is free for the next read; wait_for() around readline() times
// out, and the line is still read afterwards.
TEST_F(Streams, CancellationAndTimeoutWhileBlockedInARead) {
  static cosm::Event Go;
  Go = cosm::Event();
  Handler Late = [](cosm::StreamReader, cosm::StreamWriter W) {
    return lambda_coro("late_writer", [W, B = cosm::Coro<bool>()](
                                          auto &F) mutable {
      switch (F.state) {
      case 1: goto resume_1;
      }
      AWAIT_CORO(F, 1, B, Go.wait());
      B.take_result();
      W.write("line\n");
      W.close();
      return F.finish();
    });
  };
  withConnection(Late, [](cosm::StreamReader R, cosm::StreamWriter W) {
    return lambda_coro("client", [R, W, T = cosm::Task<std::string>(),
                                  S = cosm::Coro<std::string>(),
                                  V = cosm::Coro<void>()](auto &F) mutable {
      switch (F.state) {
      case 1: goto resume_1;
      case 2: goto resume_2;
      case 3: goto resume_3;
      case 4: goto resume_4;
      }
      T = cosm::create_task(R.read(100));
      AWAIT_CORO(F, 1, V, cosm::sleep(0));
      V.take_result();
      p("cancel");
      T.cancel();
      AWAIT(F, 2, T);
      p(std::string("cancelled ") + (T.cancelled() ? "True" : "False"));
      AWAIT_CORO(F, 3, S, cosm::wait_for(R.readline(), 0.02));
      print("wait_for: " + outcome(S));
      Go.set();
      AWAIT_CORO(F, 4, S, R.readline());
      print("then " + outcome(S));
      W.close();
      return F.finish();
    });
  });
  ASSERT_EQ(out().size(), 4u);
  auto PassOf = [](const std::string &S) {
    return std::stoi(S.substr(S.find('@') + 2));
  };
  EXPECT_EQ(out()[0].substr(0, 6), "cancel");
  EXPECT_EQ(out()[1].substr(0, 14), "cancelled True");
  EXPECT_EQ(PassOf(out()[1]), PassOf(out()[0]) + 2);
  EXPECT_EQ(out()[2], "wait_for: TimeoutError");
  EXPECT_EQ(out()[3], "then 'line\n'");
}

// serve_forever() until cancelled: the cancellation closes the server, and
// a connection attempt is then refused; open_connection reports it.
TEST_F(Streams, ServeForeverCancelledClosesTheServer) {
  Handler None = [](cosm::StreamReader, cosm::StreamWriter) {
    return lambda_coro("none", [](auto &F) { return F.finish(); });
  };
  cosm::run(lambda_coro(
      "main", [None, Srv = cosm::Server(), Port = 0,
               Sv = cosm::Coro<cosm::Server>(), T = cosm::Task<void>(),
               P = cosm::Coro<std::pair<cosm::StreamReader,
                                         cosm::StreamWriter>>(),
               V = cosm::Coro<void>()](auto &F) mutable {
        switch (F.state) {
        case 1: goto resume_1;
        case 2: goto resume_2;
        case 3: goto resume_3;
        case 4: goto resume_4;
        case 5: goto resume_5;
        case 6: goto resume_6;
        }
        AWAIT_CORO(F, 1, Sv, cosm::start_server(None, "127.0.0.1", 0));
        Srv = Sv.take_result();
        Port = cosm::socket_port(Srv.sockets().at(0));
        T = cosm::create_task(Srv.serve_forever());
        AWAIT_CORO(F, 2, V, cosm::sleep(0));
        V.take_result();
        print(std::string("serving ") + (Srv.is_serving() ? "True" : "False"));
        // Errors name the server by its repr, as asyncio's do.
        AWAIT_CORO(F, 5, V, Srv.serve_forever());
        try {
          V.take_result();
        } catch (const cosm::RuntimeError &E) {
          print(E.what());
        }
        T.cancel();
        AWAIT(F, 3, T);
        print(std::string("cancelled ") + (T.cancelled() ? "True" : "False") +
              ", sockets " + std::to_string(Srv.sockets().size()) +
              ", serving " + (Srv.is_serving() ? "True" : "False"));
        AWAIT_CORO(F, 4, P, cosm::open_connection("127.0.0.1", Port));
        try {
          P.take_result();
        } catch (const cosm::ConnectionRefusedError &E) {
          print(std::string("refused: ") + E.what());
        }
        AWAIT_CORO(F, 6, V, Srv.serve_forever());
        try {
          V.take_result();
        } catch (const cosm::RuntimeError &E) {
          print(E.what());
        }
        return F.finish();
      }));
  // asyncio's text names the address: "Connect call failed ('127.0.0.1',
  // <port>)".
  ASSERT_EQ(out().size(), 5u);
  EXPECT_EQ(out()[0], "serving True");
  EXPECT_EQ(out()[1].substr(0, 52),
            "server <Server sockets=(<asyncio.TransportSocket fd=");
  EXPECT_NE(out()[1].find(", family=2, type=1, proto=6, laddr=('127.0.0.1', "),
            std::string::npos);
  std::string Tail = ")>,)> is already being awaited on serve_forever()";
  EXPECT_EQ(out()[1].substr(out()[1].size() - Tail.size()), Tail);
  EXPECT_EQ(out()[2], "cancelled True, sockets 0, serving False");
  EXPECT_EQ(out()[3].substr(0, 55),
            "refused: [Errno 111] Connect call failed ('127.0.0.1', ");
  EXPECT_EQ(out()[4], "server <Server sockets=()> is closed");
}

/// Open file descriptors of this process.
int openFds() {
  int N = 0;
  for (int Fd = 0; Fd < 1024; ++Fd)
    N += ::fcntl(Fd, F_GETFD) != -1;
  return N;
}

// The program ends with a server listening, a handler blocked in a read and
// a client connection open: closing the loop releases them all (every fd
// closed; ASan's leak check covers the memory).
TEST_F(Streams, LoopClosingWithOpenStreamsReleasesEverything) {
  int Before = openFds();
  Handler Blocked = [](cosm::StreamReader R, cosm::StreamWriter) {
    return lambda_coro("blocked", [R, S = cosm::Coro<std::string>()](
                                      auto &F) mutable {
      switch (F.state) {
      case 1: goto resume_1;
      }
      p("handler reads");
      AWAIT_CORO(F, 1, S, R.read());
      S.take_result(); // CancelledError: cosm::run cancels what is left
      p("never");
      return F.finish();
    });
  };
  cosm::run(lambda_coro(
      "main", [Blocked, Srv = cosm::Server(), Sv = cosm::Coro<cosm::Server>(),
               P = cosm::Coro<std::pair<cosm::StreamReader,
                                         cosm::StreamWriter>>(),
               V = cosm::Coro<void>()](auto &F) mutable {
        switch (F.state) {
        case 1: goto resume_1;
        case 2: goto resume_2;
        case 3: goto resume_3;
        }
        AWAIT_CORO(F, 1, Sv, cosm::start_server(Blocked, "127.0.0.1", 0));
        Srv = Sv.take_result();
        AWAIT_CORO(F, 2, P,
                   cosm::open_connection(
                       "127.0.0.1", cosm::socket_port(Srv.sockets().at(0))));
        P.take_result().second.write("unread");
        AWAIT_CORO(F, 3, V, cosm::sleep(0.02));
        V.take_result();
        print(std::string("open fds: ") +
              (openFds() >= 3 ? "at least 3" : "fewer than 3"));
        return F.finish();
      }));
  ASSERT_EQ(out().size(), 2u);
  EXPECT_EQ(out()[0].substr(0, 13), "handler reads");
  EXPECT_EQ(out()[1], "open fds: at least 3");
  EXPECT_EQ(openFds(), Before);
}

TEST_F(Streams, MisuseIsATypedError) {
  EXPECT_THROW(cosm::StreamReader(0), cosm::ValueError);
  EXPECT_THROW(cosm::Server().close(), cosm::RuntimeError);
  EXPECT_THROW((void)cosm::start_server(nullptr, "127.0.0.1", 0),
               cosm::ValueError);
}

} // namespace
