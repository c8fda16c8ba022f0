//===- test_unix_sockets.cpp - Unix stream sockets ------------------------===//
///
/// \file
/// open_unix_connection and start_unix_server over a filesystem path and a
/// Linux abstract name, through the same transport as TCP; the stale socket
/// file asyncio removes; the errors for a missing path, a refused
/// or forbidden connection and a name in use (CPython 3.11's texts).
///
//===----------------------------------------------------------------------===//
#include "test_net.hpp"

#include <cstdlib>
#include <sys/stat.h>
#include <unistd.h>

using namespace cosm_test;

namespace {

/// A fresh directory for socket files, removed with what it holds.
struct TempDir {
  TempDir() {
    char Tmpl[] = "/tmp/cosm-unix-XXXXXX";
    Path = ::mkdtemp(Tmpl);
  }
  ~TempDir() { std::system(("rm -rf " + Path).c_str()); }
  std::string Path;
};

/// An abstract name no other process uses.
std::string abstractName(const char *Tag) {
  return std::string(1, '\0') + "cosm-test-" + Tag + "-" +
         std::to_string(::getpid());
}

TEST(UnixSockets, ServeAndConnectOnAPath) {
  TempDir Dir;
  std::string Path = Dir.Path + "/echo.sock";
  cosm::Loop L;
  cosm::Server S =
      L.run_until_complete(cosm::start_unix_server(upperEcho, Path));
  ASSERT_EQ(S.sockets().size(), 1u);
  cosm::SocketAddress Name = cosm::socket_name(S.sockets()[0]);
  EXPECT_EQ(Name.family, AF_UNIX);
  EXPECT_EQ(Name.host, Path);
  EXPECT_EQ(Name.to_string(), "'" + Path + "'");
  cosm::SocketAddress Peer;
  EXPECT_EQ(roundTrip(L, cosm::open_unix_connection(Path), "unix\n", &Peer),
            "UNIX\n");
  EXPECT_EQ(Peer.host, Path);
  // Many lines on one connection: the transport's buffering is TCP's.
  auto [R, W] = L.run_until_complete(cosm::open_unix_connection(Path));
  std::string Sent;
  for (int I = 0; I < 2000; ++I)
    Sent += "line " + std::to_string(I) + "\n";
  W.write(Sent);
  L.run_until_complete(W.drain());
  W.write_eof();
  std::string Got = L.run_until_complete(R.read());
  std::string Want = Sent;
  for (char &C : Want)
    C = char(std::toupper(static_cast<unsigned char>(C)));
  EXPECT_EQ(Got, Want);
  W.close();
  L.run_until_complete(W.wait_closed());
  S.close();
  L.run_until_complete(S.wait_closed());
  // asyncio 3.11 leaves the file; the next server removes it.
  struct stat St;
  EXPECT_EQ(::stat(Path.c_str(), &St), 0);
  cosm::Server S2 =
      L.run_until_complete(cosm::start_unix_server(upperEcho, Path));
  EXPECT_EQ(roundTrip(L, cosm::open_unix_connection(Path), "again\n"),
            "AGAIN\n");
  S2.close();
  L.run_until_complete(S2.wait_closed());
}

TEST(UnixSockets, AbstractNames) {
  std::string Name = abstractName("abstract");
  cosm::Loop L;
  cosm::Server S =
      L.run_until_complete(cosm::start_unix_server(upperEcho, Name));
  cosm::SocketAddress A = cosm::socket_name(S.sockets()[0]);
  EXPECT_EQ(A.host, Name);
  // Python gives an abstract name as bytes.
  EXPECT_EQ(A.to_string(), "b'\\x00" + Name.substr(1) + "'");
  EXPECT_EQ(roundTrip(L, cosm::open_unix_connection(Name), "hidden\n"),
            "HIDDEN\n");
  // A name in use: asyncio names it (repr of the str).
  EXPECT_EQ(errorOf([&] {
              L.run_until_complete(cosm::start_unix_server(upperEcho, Name));
            }),
            "OSError [Errno 98] Address '\\x00" + Name.substr(1) +
                "' is already in use");
  S.close();
  L.run_until_complete(S.wait_closed());
}

TEST(UnixSockets, MissingPathAndRefusedConnection) {
  TempDir Dir;
  cosm::Loop L;
  EXPECT_EQ(errorOf([&] {
              L.run_until_complete(
                  cosm::open_unix_connection(Dir.Path + "/missing.sock"));
            }),
            "FileNotFoundError [Errno 2] No such file or directory");
  // A socket file nobody listens on.
  std::string Path = Dir.Path + "/stale.sock";
  cosm::Server S =
      L.run_until_complete(cosm::start_unix_server(upperEcho, Path));
  S.close();
  L.run_until_complete(S.wait_closed());
  EXPECT_EQ(
      errorOf([&] { L.run_until_complete(cosm::open_unix_connection(Path)); }),
      "ConnectionRefusedError [Errno 111] Connection refused");
  // A socket file that may not be written to (root may write anyway).
  ASSERT_EQ(::chmod(Path.c_str(), 0), 0);
  if (::geteuid() != 0) {
    EXPECT_EQ(errorOf([&] {
                L.run_until_complete(cosm::open_unix_connection(Path));
              }),
              "PermissionError [Errno 13] Permission denied");
  }
  EXPECT_EQ(errorOf([&] {
              L.run_until_complete(cosm::open_unix_connection(
                  Dir.Path + "/" + std::string(200, 'x')));
            }),
            "OSError AF_UNIX path too long");
}

} // namespace
