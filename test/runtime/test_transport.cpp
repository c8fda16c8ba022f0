//===- test_transport.cpp - The stream transport over any fd --------------===//
///
/// \file
/// The stream transport (runtime/src/transport.cpp, a private interface)
/// over the ends of a pipe rather than a socket, as subprocess pipes will
/// use it: read()/write() instead of recv()/send(), a write-only end never
/// watched for reading, write_eof() closing the write end so that the
/// reader sees EOF, and 1 MiB through the pipe with nothing lost.
///
//===----------------------------------------------------------------------===//
#include "test_net.hpp"

#include "../../runtime/src/stream_state.hpp"

#include <csignal>
#include <fcntl.h>
#include <unistd.h>

using namespace cosm_test;

namespace {

TEST(Transport, OverThePipeEnds) {
  int Fds[2];
  ASSERT_EQ(::pipe2(Fds, O_CLOEXEC), 0);
  cosm::Loop L;
  auto Read =
      cosm::detail::openStreams(L, Fds[0], cosm::stream_default_limit, nullptr);
  auto Write =
      cosm::detail::openStreams(L, Fds[1], cosm::stream_default_limit, nullptr);
  EXPECT_EQ(Write.second.peername().to_string(), "None");
  std::string Big;
  for (int I = 0; Big.size() < (1u << 20); ++I)
    Big += std::to_string(I) + "\n";
  Write.second.write(Big);
  // Writes beyond the pipe's capacity wait in the buffer.
  EXPECT_GT(Write.second.write_buffer_size(), 0u);
  L.run_until_complete(Write.first.read(0)); // lets the transports start
  Write.second.write_eof();
  std::string Got = L.run_until_complete(Read.first.read());
  EXPECT_EQ(Got.size(), Big.size());
  EXPECT_TRUE(Got == Big);
  EXPECT_TRUE(Read.first.at_eof());
  // write_eof closed the write end once its buffer was sent.
  L.run_until_complete(Write.second.wait_closed());
  EXPECT_EQ(Write.second.fd(), -1);
  Read.second.close();
  L.run_until_complete(Read.second.wait_closed());
}

TEST(Transport, AVanishedPipeReaderIsAnError) {
  // As Python does at startup: a write to a closed pipe is EPIPE, not a
  // signal.
  auto Old = std::signal(SIGPIPE, SIG_IGN);
  int Fds[2];
  ASSERT_EQ(::pipe2(Fds, O_CLOEXEC), 0);
  ::close(Fds[0]);
  cosm::Loop L;
  auto Write =
      cosm::detail::openStreams(L, Fds[1], cosm::stream_default_limit, nullptr);
  L.run_until_complete(cosm::sleep(0));
  Write.second.write("nobody reads this");
  EXPECT_EQ(errorOf([&] { L.run_until_complete(Write.second.wait_closed()); }),
            "OSError [Errno 32] Broken pipe");
  std::signal(SIGPIPE, Old);
}

} // namespace
