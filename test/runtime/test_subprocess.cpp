//===- test_subprocess.cpp - create_subprocess_exec/_shell, Process -------===//
///
/// \file
/// Subprocesses with real programs (sh, cat, sleep, true, false): exit
/// codes, pipes, /dev/null, stderr into stdout, communicate() with input,
/// megabytes through a pipe (size and content checked), a child killed in
/// the middle of a write, returncode after kill/terminate, a missing
/// program, and the waitpid-thread fallback for kernels without pidfd.
/// (test/run/subprocess.cpp checks the results against asyncio.)
///
//===----------------------------------------------------------------------===//
#include "test_frames.hpp"

#include <cerrno>
#include <csignal>
#include <unistd.h>

namespace cosm::detail {
extern bool ForceExitThreadForTesting;
}

using namespace cosm_test;

namespace {

struct Subprocess : ::testing::Test, Fixture {};

cosm::SubprocessOptions pipes(std::optional<int> In, std::optional<int> Out,
                              std::optional<int> Err = std::nullopt) {
  cosm::SubprocessOptions O;
  O.stdin_ = In;
  O.stdout_ = Out;
  O.stderr_ = Err;
  return O;
}

constexpr int PIPE = cosm::subprocess::PIPE;

/// stdout piped, with a 1 KiB reader limit.
cosm::SubprocessOptions smallLimit() {
  cosm::SubprocessOptions O = pipes({}, PIPE);
  O.limit = 1024;
  return O;
}

using Outputs = std::pair<std::optional<std::string>, std::optional<std::string>>;

/// Runs Argv to the end with communicate(Input); its outputs and exit code.
struct Ran {
  Outputs Out;
  int Code = 0;
};
Ran runProgram(std::string Prog, std::vector<std::string> Args,
               cosm::SubprocessOptions Opts,
               std::optional<std::string> Input = std::nullopt) {
  Ran R;
  cosm::run(lambda_coro(
      "main", [&, C = cosm::Coro<cosm::Process>(), P = std::optional<cosm::Process>(),
               Com = cosm::Coro<Outputs>()](auto &F) mutable {
        switch (F.state) {
        case 1: goto resume_1;
        case 2: goto resume_2;
        }
        AWAIT_CORO(F, 1, C, cosm::create_subprocess_exec(Prog, Args, Opts));
        P = C.take_result();
        AWAIT_CORO(F, 2, Com, P->communicate(Input));
        R.Out = Com.take_result();
        R.Code = P->returncode().value();
        return F.finish();
      }));
  return R;
}

TEST_F(Subprocess, ExitCodesAndOutput) {
  Ran R = runProgram("sh", {"-c", "echo hi; exit 3"}, pipes({}, PIPE));
  EXPECT_EQ(R.Out.first, std::optional<std::string>("hi\n"));
  EXPECT_EQ(R.Out.second, std::nullopt);
  EXPECT_EQ(R.Code, 3);
  EXPECT_EQ(runProgram("true", {}, {}).Code, 0);
  EXPECT_EQ(runProgram("false", {}, {}).Code, 1);
}

TEST_F(Subprocess, CommunicateWithInputThroughCat) {
  Ran R = runProgram("cat", {}, pipes(PIPE, PIPE, PIPE), "one\ntwo\n");
  EXPECT_EQ(R.Out.first, std::optional<std::string>("one\ntwo\n"));
  EXPECT_EQ(R.Out.second, std::optional<std::string>(""));
  EXPECT_EQ(R.Code, 0);
}

TEST_F(Subprocess, DevnullAndStderrIntoStdout) {
  // cat reads /dev/null: EOF at once.
  Ran R = runProgram("cat", {},
                     pipes(cosm::subprocess::DEVNULL, PIPE));
  EXPECT_EQ(R.Out.first, std::optional<std::string>(""));
  EXPECT_EQ(R.Code, 0);
  R = runProgram("sh", {"-c", "echo out; echo err >&2"},
                 pipes({}, cosm::subprocess::DEVNULL,
                       cosm::subprocess::DEVNULL));
  EXPECT_EQ(R.Out, Outputs());
  R = runProgram("sh", {"-c", "echo out; echo err >&2; exit 7"},
                 pipes({}, PIPE, cosm::subprocess::STDOUT));
  EXPECT_EQ(R.Out.first, std::optional<std::string>("out\nerr\n"));
  EXPECT_EQ(R.Out.second, std::nullopt);
  EXPECT_EQ(R.Code, 7);
}

/// A string that is not periodic: each position's byte depends on it.
std::string pattern(std::size_t N) {
  std::string S(N, '\0');
  std::uint32_t X = 12345;
  for (char &C : S) {
    X = X * 1103515245u + 12345u;
    C = char(X >> 16);
  }
  return S;
}

std::uint64_t fnv1a(const std::string &S) {
  std::uint64_t H = 1469598103934665603ull;
  for (unsigned char C : S)
    H = (H ^ C) * 1099511628211ull;
  return H;
}

TEST_F(Subprocess, FourMegabytesThroughCatUnchanged) {
  std::string In = pattern(4 << 20);
  Ran R = runProgram("cat", {}, pipes(PIPE, PIPE), In);
  ASSERT_TRUE(R.Out.first);
  EXPECT_EQ(R.Out.first->size(), In.size());
  EXPECT_EQ(fnv1a(*R.Out.first), fnv1a(In));
  EXPECT_EQ(R.Code, 0);
}

// The child writes 1 MiB on its own; the parent reads in small pieces,
// yielding between them, so the pipe's reading pauses and resumes (the
// reader's limit is 1 KiB).
TEST_F(Subprocess, OneMegabyteReadSlowlyNothingLost) {
  std::string Got;
  std::optional<int> Code;
  cosm::run(lambda_coro(
      "main", [&, C = cosm::Coro<cosm::Process>(), P = std::optional<cosm::Process>(),
               S = cosm::Coro<std::string>(), Y = cosm::Coro<void>(),
               W = cosm::Coro<int>()](auto &F) mutable {
        switch (F.state) {
        case 1: goto resume_1;
        case 2: goto resume_2;
        case 3: goto resume_3;
        case 4: goto resume_4;
        }
        AWAIT_CORO(F, 1, C,
                   cosm::create_subprocess_exec(
                       "sh", {"-c", "head -c 1048576 /dev/zero | tr '\\0' x"},
                       smallLimit()));
        P = C.take_result();
        for (;;) {
          AWAIT_CORO(F, 2, S, P->stdout_->read(777));
          {
            std::string Part = S.take_result();
            if (Part.empty())
              break;
            Got += Part;
          }
          AWAIT_CORO(F, 3, Y, cosm::sleep(0));
          Y.take_result();
        }
        AWAIT_CORO(F, 4, W, P->wait());
        Code = W.take_result();
        return F.finish();
      }));
  EXPECT_EQ(Got.size(), std::size_t(1) << 20);
  EXPECT_EQ(Got, std::string(std::size_t(1) << 20, 'x'));
  EXPECT_EQ(Code, 0);
}

// A child writing forever is killed while the parent reads: the reader
// gets what was written and then EOF; returncode is -SIGKILL.
TEST_F(Subprocess, ChildKilledMidWrite) {
  std::size_t Total = 0;
  std::optional<int> Code, Before;
  cosm::run(lambda_coro(
      "main", [&, C = cosm::Coro<cosm::Process>(), P = std::optional<cosm::Process>(),
               S = cosm::Coro<std::string>(), W = cosm::Coro<int>()](
                  auto &F) mutable {
        switch (F.state) {
        case 1: goto resume_1;
        case 2: goto resume_2;
        case 3: goto resume_3;
        case 4: goto resume_4;
        }
        AWAIT_CORO(F, 1, C,
                   cosm::create_subprocess_exec("cat", {"/dev/zero"},
                                                pipes({}, PIPE)));
        P = C.take_result();
        AWAIT_CORO(F, 2, S, P->stdout_->readexactly(300000));
        Total = S.take_result().size();
        Before = P->returncode();
        P->kill();
        AWAIT_CORO(F, 3, S, P->stdout_->read());
        Total += S.take_result().size();
        AWAIT_CORO(F, 4, W, P->wait());
        Code = W.take_result();
        return F.finish();
      }));
  EXPECT_GE(Total, 300000u);
  EXPECT_EQ(Before, std::nullopt);
  EXPECT_EQ(Code, -SIGKILL);
}

TEST_F(Subprocess, SendSignalAfterFinishIsProcessLookupError) {
  std::vector<std::string> Seen;
  cosm::run(lambda_coro(
      "main", [&, C = cosm::Coro<cosm::Process>(), P = std::optional<cosm::Process>(),
               W = cosm::Coro<int>()](auto &F) mutable {
        switch (F.state) {
        case 1: goto resume_1;
        case 2: goto resume_2;
        }
        AWAIT_CORO(F, 1, C,
                   cosm::create_subprocess_exec("sleep", {"30"}, {}));
        P = C.take_result();
        P->terminate();
        AWAIT_CORO(F, 2, W, P->wait());
        Seen.push_back(std::to_string(W.take_result()));
        try {
          P->send_signal(SIGTERM);
          Seen.push_back("no error");
        } catch (const cosm::ProcessLookupError &) {
          Seen.push_back("ProcessLookupError");
        }
        return F.finish();
      }));
  EXPECT_EQ(Seen, (std::vector<std::string>{std::to_string(-SIGTERM),
                                            "ProcessLookupError"}));
}

TEST_F(Subprocess, ShellAndSeveralWaiters) {
  std::vector<int> Codes;
  cosm::run(lambda_coro(
      "main", [&, C = cosm::Coro<cosm::Process>(), P = std::optional<cosm::Process>(),
               T = cosm::Task<int>(), W = cosm::Coro<int>()](auto &F) mutable {
        switch (F.state) {
        case 1: goto resume_1;
        case 2: goto resume_2;
        case 3: goto resume_3;
        }
        AWAIT_CORO(F, 1, C, cosm::create_subprocess_shell("exit 42"));
        P = C.take_result();
        T = cosm::create_task(P->wait());
        AWAIT_CORO(F, 2, W, P->wait());
        Codes.push_back(W.take_result());
        AWAIT(F, 3, T);
        Codes.push_back(T.result());
        return F.finish();
      }));
  EXPECT_EQ(Codes, (std::vector<int>{42, 42}));
}

TEST_F(Subprocess, MissingProgramIsFileNotFoundError) {
  std::string What;
  cosm::run(lambda_coro(
      "main", [&, C = cosm::Coro<cosm::Process>()](auto &F) mutable {
        switch (F.state) {
        case 1: goto resume_1;
        }
        AWAIT_CORO(F, 1, C,
                   cosm::create_subprocess_exec("cosm-no-such-program", {},
                                                pipes(PIPE, PIPE)));
        try {
          C.take_result();
        } catch (const cosm::FileNotFoundError &E) {
          What = E.what();
        }
        return F.finish();
      }));
  EXPECT_EQ(What,
            "[Errno 2] No such file or directory: 'cosm-no-such-program'");
}

/// What create_subprocess_exec(Prog) with Opts raises, as "Type: what()".
std::string spawnFailure(std::string Prog, cosm::SubprocessOptions Opts) {
  std::string What = "nothing";
  cosm::run(lambda_coro(
      "main", [&, C = cosm::Coro<cosm::Process>()](auto &F) mutable {
        switch (F.state) {
        case 1: goto resume_1;
        }
        AWAIT_CORO(F, 1, C, cosm::create_subprocess_exec(Prog, {}, Opts));
        try {
          C.take_result();
        } catch (const cosm::FileNotFoundError &E) {
          What = std::string("FileNotFoundError: ") + E.what();
        } catch (const cosm::NotADirectoryError &E) {
          What = std::string("NotADirectoryError: ") + E.what();
        } catch (const cosm::OSError &E) {
          What = std::string("OSError: ") + E.what();
        } catch (const cosm::ValueError &E) {
          What = std::string("ValueError: ") + E.what();
        }
        return F.finish();
      }));
  return What;
}

// Popen refuses a NUL in the program, an argument, cwd or env before it
// forks (the C strings would end there: `echo a\0b` ran `echo a`), and
// names the program only when exec failed, not for a bad descriptor.
TEST_F(Subprocess, EmbeddedNulAndBadDescriptorsAsPopen) {
  using namespace std::string_literals;
  cosm::SubprocessOptions O = pipes({}, PIPE);
  EXPECT_EQ(spawnFailure("ec\0ho"s, O), "ValueError: embedded null byte");
  O.cwd = "/tmp\0x"s;
  EXPECT_EQ(spawnFailure("true", O), "ValueError: embedded null byte");
  O.cwd.reset();
  O.env = std::vector<std::string>{"A=1\0B=2"s};
  EXPECT_EQ(spawnFailure("true", O), "ValueError: embedded null byte");
  O.env.reset();
  O.stdin_ = 999;
  EXPECT_EQ(spawnFailure("true", O), "OSError: [Errno 9] Bad file descriptor");
  // Any other negative number too, and STDOUT anywhere but stderr_.
  O.stdin_ = -5;
  EXPECT_EQ(spawnFailure("true", O), "OSError: [Errno 9] Bad file descriptor");
  O.stdin_ = cosm::subprocess::STDOUT;
  EXPECT_EQ(spawnFailure("true", O), "OSError: [Errno 9] Bad file descriptor");
  O.stdin_.reset();
  O.stdout_ = cosm::subprocess::STDOUT;
  EXPECT_EQ(spawnFailure("true", O), "OSError: [Errno 9] Bad file descriptor");
}

// Popen's child names the directory when its chdir fails, the program
// when its exec does.
TEST_F(Subprocess, BadCwdIsReportedWithTheDirectory) {
  cosm::SubprocessOptions O = pipes({}, PIPE);
  O.cwd = "/cosm-no-such-dir";
  EXPECT_EQ(spawnFailure("true", O),
            "FileNotFoundError: [Errno 2] No such file or directory: "
            "'/cosm-no-such-dir'");
  O.cwd = "/etc/passwd";
  EXPECT_EQ(spawnFailure("true", O),
            "NotADirectoryError: [Errno 20] Not a directory: '/etc/passwd'");
}

// A program without a '/' is searched in the child's PATH: env's when env
// is given (os.get_exec_path(env)), not the parent's.
TEST_F(Subprocess, ProgramIsSearchedInTheChildsPath) {
  cosm::SubprocessOptions O = pipes({}, PIPE);
  O.env = std::vector<std::string>{"PATH=/cosm-no-such-dir"};
  EXPECT_EQ(spawnFailure("true", O),
            "FileNotFoundError: [Errno 2] No such file or directory: 'true'");
  O.env = std::vector<std::string>{"PATH=/cosm-no-such-dir:/bin:/usr/bin"};
  Ran R = runProgram("sh", {"-c", "echo found"}, O);
  EXPECT_EQ(R.Out.first, "found\n");
  EXPECT_EQ(R.Code, 0);
}

// cwd and env: Popen's.
TEST_F(Subprocess, CwdAndEnv) {
  cosm::SubprocessOptions O = pipes({}, PIPE);
  O.cwd = "/tmp";
  O.env = std::vector<std::string>{"COSM_X=42"};
  Ran R = runProgram("/bin/sh", {"-c", "echo $COSM_X $(pwd); env | wc -l"},
                     O);
  // sh adds PWD (and may add SHLVL and _) to what it was given.
  ASSERT_TRUE(R.Out.first);
  EXPECT_EQ(R.Out.first->substr(0, R.Out.first->find('\n')), "42 /tmp");
  int Lines = std::stoi(R.Out.first->substr(R.Out.first->find('\n') + 1));
  EXPECT_LE(Lines, 4);
}

// The child's fds: only 0-2 (close_fds), so the loop's own are not leaked.
TEST_F(Subprocess, LoopFdsAreNotInherited) {
  Ran R = runProgram("sh", {"-c", "ls /proc/self/fd | wc -l"},
                     pipes({}, PIPE));
  // sh's 0-2 and the fd ls opens to list the directory.
  EXPECT_EQ(R.Out.first, std::optional<std::string>("4\n"));
}

TEST_F(Subprocess, WaitpidThreadFallback) {
  cosm::detail::ForceExitThreadForTesting = true;
  Ran R = runProgram("sh", {"-c", "echo fallback; exit 5"}, pipes({}, PIPE));
  Ran K;
  std::optional<int> Killed;
  cosm::run(lambda_coro(
      "main", [&, C = cosm::Coro<cosm::Process>(), P = std::optional<cosm::Process>(),
               W = cosm::Coro<int>()](auto &F) mutable {
        switch (F.state) {
        case 1: goto resume_1;
        case 2: goto resume_2;
        }
        AWAIT_CORO(F, 1, C, cosm::create_subprocess_exec("sleep", {"30"}, {}));
        P = C.take_result();
        P->kill();
        AWAIT_CORO(F, 2, W, P->wait());
        Killed = W.take_result();
        return F.finish();
      }));
  cosm::detail::ForceExitThreadForTesting = false;
  EXPECT_EQ(R.Out.first, std::optional<std::string>("fallback\n"));
  EXPECT_EQ(R.Code, 5);
  EXPECT_EQ(Killed, -SIGKILL);
}

// A child that never reads its stdin: communicate(input) ignores the
// broken pipe, as asyncio does.
TEST_F(Subprocess, CommunicateIgnoresAChildThatDoesNotRead) {
  Ran R = runProgram("true", {}, pipes(PIPE, PIPE), pattern(1 << 20));
  EXPECT_EQ(R.Out.first, std::optional<std::string>(""));
  EXPECT_EQ(R.Code, 0);
}

// The child exits without reading its stdin: once the pipe is closed
// (wait_closed(); wait() alone may return first, when the exit is noticed
// before the pipe's end, in asyncio too), writes are dropped and drain()
// raises ConnectionResetError("Connection lost"), as asyncio's (python3
// prints the same).
TEST_F(Subprocess, StdinAfterTheChildExited) {
  std::vector<std::string> Seen;
  cosm::run(lambda_coro(
      "main", [&, C = cosm::Coro<cosm::Process>(), P = std::optional<cosm::Process>(),
               W = cosm::Coro<int>(), D = cosm::Coro<void>(), I = 0](
                  auto &F) mutable {
        switch (F.state) {
        case 1: goto resume_1;
        case 2: goto resume_2;
        case 3: goto resume_3;
        case 4: goto resume_4;
        }
        AWAIT_CORO(F, 1, C,
                   cosm::create_subprocess_exec("true", {}, pipes(PIPE, {})));
        P = C.take_result();
        AWAIT_CORO(F, 2, W, P->wait());
        Seen.push_back(std::to_string(W.take_result()));
        AWAIT_CORO(F, 4, D, P->stdin_->wait_closed());
        D.take_result();
        P->stdin_->write(std::string(100000, 'x'));
        for (I = 0; I < 2; ++I) {
          AWAIT_CORO(F, 3, D, P->stdin_->drain());
          try {
            D.take_result();
            Seen.push_back("drained");
          } catch (const cosm::ConnectionResetError &E) {
            Seen.push_back(std::string("ConnectionResetError ") + E.what());
          }
        }
        return F.finish();
      }));
  EXPECT_EQ(Seen, (std::vector<std::string>{
                      "0", "ConnectionResetError Connection lost",
                      "ConnectionResetError Connection lost"}));
}

// A child still running when run() closes the loop is killed and reaped
// (asyncio's transport kills it when collected).
TEST_F(Subprocess, ChildLeftRunningIsKilledAtClose) {
  pid_t Pid = 0;
  cosm::run(lambda_coro(
      "main", [&, C = cosm::Coro<cosm::Process>()](auto &F) mutable {
        switch (F.state) {
        case 1: goto resume_1;
        }
        AWAIT_CORO(F, 1, C,
                   cosm::create_subprocess_exec("sleep", {"30"},
                                                pipes(PIPE, PIPE)));
        Pid = C.take_result().pid;
        return F.finish();
      }));
  ASSERT_GT(Pid, 0);
  errno = 0;
  EXPECT_EQ(::kill(Pid, 0), -1);
  EXPECT_EQ(errno, ESRCH);
}

} // namespace
