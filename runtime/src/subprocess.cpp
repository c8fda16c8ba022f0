//===- subprocess.cpp - create_subprocess_exec/_shell, Process ------------===//
///
/// \file
/// CPython 3.11's asyncio subprocess.py (Process, SubprocessStreamProtocol)
/// and base_subprocess.py (the transport: _process_exited, _try_finish,
/// _wait), over the stream transport's pipe mode (pipe_transport.hpp). The
/// coroutines are hand-written frames (docs/frame-protocol.md).
///
//===----------------------------------------------------------------------===//
#include "cosm/subprocess.hpp"

#include "cosm/gather.hpp"
#include "cosm/loop.hpp"
#include "cosm/task.hpp"
#include "os_error.hpp"
#include "pipe_transport.hpp"

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <memory>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

extern char **environ;

namespace cosm {
namespace detail {

/// Tests set this to exercise the waitpid-thread fallback of kernels
/// without pidfd_open.
bool ForceExitThreadForTesting = false;

namespace {

/// Python's os.waitstatus_to_exitcode.
int exitCode(int Status) {
  if (WIFSIGNALED(Status))
    return -WTERMSIG(Status);
  return WEXITSTATUS(Status);
}

/// What the fallback thread sends when waitpid fails (the child was reaped
/// by someone else): asyncio then reports 255.
constexpr int UnknownChild = -1;

void setNonBlocking(int Fd) {
  int Flags = ::fcntl(Fd, F_GETFL);
  ::fcntl(Fd, F_SETFL, Flags | O_NONBLOCK);
}

std::exception_ptr spawnError(int Err, const std::string &Program) {
  return osError(Err, std::string(std::strerror(Err)) + ": '" + Program + "'");
}

/// The file Popen would execute for \p Program: itself if it has a '/',
/// else the first executable file of that name in the child's PATH
/// (os.get_exec_path(env): env's PATH if env is given, os.defpath if it has
/// none). Throws as Popen does: the first error other than ENOENT/ENOTDIR,
/// else the last one.
std::string executable(const std::string &Program,
                       const std::optional<std::vector<std::string>> &Env) {
  if (Program.find('/') != std::string::npos)
    return Program;
  std::string Path = "/bin:/usr/bin";
  if (Env) {
    for (const std::string &Entry : *Env)
      if (Entry.compare(0, 5, "PATH=") == 0)
        Path = Entry.substr(5);
  } else if (const char *Own = std::getenv("PATH")) {
    Path = Own;
  }
  int Err = ENOENT, First = 0;
  for (size_t Begin = 0;;) {
    size_t End = std::min(Path.find(':', Begin), Path.size());
    std::string Dir = Path.substr(Begin, End - Begin);
    std::string Candidate = (Dir.empty() ? "." : Dir) + "/" + Program;
    struct stat Info;
    if (::stat(Candidate.c_str(), &Info) != 0)
      Err = errno;
    else if (!S_ISREG(Info.st_mode) || ::access(Candidate.c_str(), X_OK) != 0)
      Err = EACCES;
    else
      return Candidate;
    if (!First && Err != ENOENT && Err != ENOTDIR)
      First = Err;
    if (End == Path.size())
      break;
    Begin = End + 1;
  }
  std::rethrow_exception(spawnError(First ? First : Err, Program));
}

/// The child's standard streams as posix_spawn file actions; the parent's
/// ends of the pipes in ParentFds.
class SpawnSetup {
public:
  SpawnSetup() {
    posix_spawn_file_actions_init(&Actions);
    posix_spawnattr_init(&Attr);
  }
  ~SpawnSetup() {
    posix_spawn_file_actions_destroy(&Actions);
    posix_spawnattr_destroy(&Attr);
    for (int &Fd : ChildFds)
      if (Fd >= 0)
        ::close(Fd);
    for (int &Fd : ParentFds)
      if (Fd >= 0)
        ::close(Fd);
  }
  SpawnSetup(const SpawnSetup &) = delete;
  SpawnSetup &operator=(const SpawnSetup &) = delete;

  void stream(int Slot, std::optional<int> How) {
    if (!How)
      return; // inherited
    int V = *How;
    if (V == subprocess::PIPE) {
      int P[2];
      if (::pipe2(P, O_CLOEXEC) != 0)
        throw OSError(errno, std::strerror(errno));
      ChildFds[Slot] = Slot == 0 ? P[0] : P[1];
      ParentFds[Slot] = Slot == 0 ? P[1] : P[0];
      setNonBlocking(ParentFds[Slot]);
      posix_spawn_file_actions_adddup2(&Actions, ChildFds[Slot], Slot);
    } else if (V == subprocess::DEVNULL) {
      posix_spawn_file_actions_addopen(&Actions, Slot, "/dev/null", O_RDWR, 0);
    } else if (V == subprocess::STDOUT && Slot == 2) {
      posix_spawn_file_actions_adddup2(&Actions, 1, 2);
    } else if (V >= 0) {
      posix_spawn_file_actions_adddup2(&Actions, V, Slot);
    } else {
      // Popen hands any other number to the child's dup2 (STDOUT for
      // stdin or stdout too), which fails.
      std::rethrow_exception(osError(EBADF));
    }
  }

  pid_t spawn(const std::vector<std::string> &Argv,
              const std::optional<std::string> &Cwd,
              const std::optional<std::vector<std::string>> &Env) {
    // Popen converts each string for exec first (os.fsencode).
    auto HasNul = [](const std::string &S) {
      return S.find('\0') != std::string::npos;
    };
    if (std::any_of(Argv.begin(), Argv.end(), HasNul) ||
        (Cwd && HasNul(*Cwd)) ||
        (Env && std::any_of(Env->begin(), Env->end(), HasNul)))
      throw ValueError("embedded null byte");
    // Popen's child reports a failed chdir with the directory's name;
    // posix_spawn would not say which action failed.
    if (Cwd) {
      struct stat Info;
      if (::stat(Cwd->c_str(), &Info) != 0)
        std::rethrow_exception(spawnError(errno, *Cwd));
      if (!S_ISDIR(Info.st_mode))
        std::rethrow_exception(spawnError(ENOTDIR, *Cwd));
      posix_spawn_file_actions_addchdir_np(&Actions, Cwd->c_str());
    }
    // (A program with a '/' is run as given: from the new directory if it
    // is relative, as Popen's child runs it after its chdir.)
    std::string File = executable(Argv[0], Env);
    // close_fds=True: the loop's epoll fd, sockets and pipes stay ours.
    posix_spawn_file_actions_addclosefrom_np(&Actions, 3);
    // Popen's restore_signals, and an empty mask whatever this thread's.
    sigset_t Default, Empty;
    sigemptyset(&Default);
    sigaddset(&Default, SIGPIPE);
    sigaddset(&Default, SIGXFSZ);
    sigemptyset(&Empty);
    posix_spawnattr_setsigdefault(&Attr, &Default);
    posix_spawnattr_setsigmask(&Attr, &Empty);
    posix_spawnattr_setflags(&Attr,
                             POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK);
    std::vector<char *> Args;
    for (const std::string &A : Argv)
      Args.push_back(const_cast<char *>(A.c_str()));
    Args.push_back(nullptr);
    std::vector<char *> Envp;
    if (Env) {
      for (const std::string &E : *Env)
        Envp.push_back(const_cast<char *>(E.c_str()));
      Envp.push_back(nullptr);
    }
    pid_t Pid;
    int Err = ::posix_spawn(&Pid, File.c_str(), &Actions, &Attr, Args.data(),
                            Env ? Envp.data() : environ);
    // Popen names the program only when exec failed; EBADF is a file
    // action's (a bad stdin_/stdout_/stderr_ descriptor).
    if (Err)
      std::rethrow_exception(Err == EBADF ? osError(Err)
                                          : spawnError(Err, Argv[0]));
    for (int &Fd : ChildFds)
      if (Fd >= 0)
        ::close(std::exchange(Fd, -1));
    return Pid;
  }

  int takeParentFd(int Slot) { return std::exchange(ParentFds[Slot], -1); }

private:
  posix_spawn_file_actions_t Actions;
  posix_spawnattr_t Attr;
  int ChildFds[3] = {-1, -1, -1};
  int ParentFds[3] = {-1, -1, -1};
};

/// An fd that becomes readable when Pid exits: its pidfd, or (no pidfd) a
/// socket a waiting thread writes the status to. Sets IsPidfd.
int exitFd(pid_t Pid, bool &IsPidfd) {
  if (!ForceExitThreadForTesting) {
    long Fd = ::syscall(SYS_pidfd_open, Pid, 0);
    if (Fd >= 0) {
      IsPidfd = true;
      return int(Fd);
    }
  }
  IsPidfd = false;
  int Sv[2];
  if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, Sv) != 0)
    throw OSError(errno, std::strerror(errno));
  setNonBlocking(Sv[0]);
  try {
    // Touches nothing but its own socket: the loop may be gone first.
    std::thread([Pid, Out = Sv[1]] {
      int Status = 0;
      pid_t R;
      while ((R = ::waitpid(Pid, &Status, 0)) < 0 && errno == EINTR) {
      }
      int Msg[2] = {R == Pid ? 0 : UnknownChild, Status};
      [[maybe_unused]] ssize_t N = ::send(Out, Msg, sizeof Msg, MSG_NOSIGNAL);
      ::close(Out);
    }).detach();
  } catch (const std::system_error &E) {
    ::close(Sv[0]);
    ::close(Sv[1]);
    throw OSError(E.code().value(), E.what());
  }
  return Sv[0];
}

} // namespace

/// The pipes reach the process through this link, which the process clears
/// when it goes away first.
struct ProcessLink {
  ProcessState *P;
};

/// base_subprocess's BaseSubprocessTransport and the SubprocessStreamProtocol
/// behind it, for one child.
struct ProcessState : RefCounted {
  ProcessState(Loop &L, pid_t Pid) : L(&L), Pid(Pid) {
    Link = std::make_shared<ProcessLink>(ProcessLink{this});
  }
  ~ProcessState() override {
    Link->P = nullptr;
    for (int Fd : PipeFds)
      if (Fd >= 0)
        ::close(Fd);
    if (ExitFd >= 0) {
      // Never noticed the exit (the loop closed first): as asyncio's
      // transport when collected, kill the child; reap it if no thread will.
      ::kill(Pid, SIGKILL);
      if (IsPidfd)
        ::waitpid(Pid, nullptr, 0);
      ::close(ExitFd);
    }
  }

  /// _call: runs Fn one call later, or once the pipes are connected.
  void call(std::function<void()> Fn) {
    if (Connecting)
      PendingCalls.push_back(std::move(Fn));
    else
      L->call_soon(std::move(Fn));
  }

  /// The child watcher: a pidfd or the fallback thread's socket.
  void watchExit() {
    ExitFd = exitFd(Pid, IsPidfd);
    L->add_reader(ExitFd,
                  [Self = Ref<ProcessState>(this)] { Self->exitReady(); });
  }
  void exitReady() {
    int Code;
    if (IsPidfd) {
      int Status = 0;
      pid_t R = ::waitpid(Pid, &Status, WNOHANG);
      if (R == 0 || (R < 0 && errno == EINTR))
        return;
      Code = R == Pid ? exitCode(Status) : 255;
    } else {
      int Msg[2];
      ssize_t N = ::recv(ExitFd, Msg, sizeof Msg, 0);
      if (N < 0 && (errno == EAGAIN || errno == EINTR))
        return;
      Code = N == ssize_t(sizeof Msg) && Msg[0] == 0 ? exitCode(Msg[1]) : 255;
    }
    L->remove_reader(ExitFd);
    ::close(std::exchange(ExitFd, -1));
    // unix_events' _child_watcher_callback: "skip one iteration for
    // callbacks to be executed" (call_soon_threadsafe of a call_soon).
    L->call_soon([Self = Ref<ProcessState>(this), Code] {
      Self->L->call_soon([Self, Code] { Self->processExited(Code); });
    });
  }
  // _process_exited (process_exited of the protocol does nothing visible).
  void processExited(int Code) {
    Returncode = Code;
    tryFinish();
  }
  // _pipe_connection_lost: the protocol's part one call later.
  void pipeLost(int Slot, std::function<void()> Deliver) {
    Disconnected[Slot] = true;
    call(std::move(Deliver));
    tryFinish();
  }
  // _try_finish: every pipe connected and gone, and the exit noticed.
  void tryFinish() {
    if (!Returncode || Finished)
      return;
    for (int I = 0; I < 3; ++I)
      if (PipeWanted[I] && !Disconnected[I])
        return;
    Finished = true;
    // _call_connection_lost: wakes wait().
    call([Self = Ref<ProcessState>(this)] {
      Self->Gone = true;
      std::vector<Ref<FutureImpl<int>>> Ws = std::move(Self->ExitWaiters);
      for (auto &W : Ws)
        if (!W->cancelled())
          W->setResult(*Self->Returncode);
      for (auto &P : Self->Pipes)
        P.reset();
    });
  }
  /// What pipe Slot's transport reports (Read/WriteSubprocessPipeProto).
  PipeEvent pipeEvents(int Slot) {
    return
        [Link = Link, Lp = L, Slot](std::function<void()> Deliver, bool Lost) {
          if (!Link->P)
            Lp->call_soon(std::move(Deliver));
          else if (Lost)
            Link->P->pipeLost(Slot, std::move(Deliver));
          else
            Link->P->call(std::move(Deliver));
        };
  }
  /// transport.close(): closes the pipes connected so far and kills a
  /// child whose exit was not noticed.
  void close() {
    for (auto &P : Pipes)
      if (P)
        P->close();
    if (!Returncode)
      ::kill(Pid, SIGKILL);
  }

  Loop *L;
  pid_t Pid;
  int ExitFd = -1;
  bool IsPidfd = false;
  std::optional<int> Returncode;
  /// _call_connection_lost has been queued (_finished), and has run
  /// (asyncio's _proc is None).
  bool Finished = false, Gone = false;
  /// The pipes are being connected: _call queues (_pending_calls).
  bool Connecting = true;
  std::vector<std::function<void()>> PendingCalls;
  /// Parent ends of the pipes, until their transports own them.
  int PipeFds[3] = {-1, -1, -1};
  bool PipeWanted[3] = {false, false, false};
  /// The pipe transports by child fd, once connected (writers: handles on
  /// the transports), and the streams the Process gives out.
  std::optional<StreamWriter> Pipes[3];
  bool Disconnected[3] = {false, false, false};
  std::optional<StreamWriter> Stdin;
  std::optional<StreamReader> Stdout, Stderr;
  std::vector<Ref<FutureImpl<int>>> ExitWaiters;
  std::shared_ptr<ProcessLink> Link;
};

struct ProcessAccess {
  static Process make(Ref<ProcessState> S) { return Process(std::move(S)); }
  static const Ref<ProcessState> &state(const Process &P) { return P.S; }
};

namespace {

// base_subprocess._connect_pipes, a task of its own: connects stdin, stdout
// and stderr in turn (each connect_*_pipe waits for its transport's
// connection_made), then runs the calls queued meanwhile and wakes Waiter.
class ConnectPipesFrame final : public Frame<void> {
public:
  ConnectPipesFrame(Ref<ProcessState> S, Ref<FutureImpl<void>> Waiter,
                    std::size_t Limit)
      : S(std::move(S)), Waiter(std::move(Waiter)), Limit(Limit) {}
  Step resume() override {
    if (state == 1) {
      resume_point();
      Connected->result();
      ++Slot;
    }
    for (; Slot < 3; ++Slot) {
      if (!S->PipeWanted[Slot])
        continue;
      connect(Slot);
      state = 1;
      return suspendOn(*Connected);
    }
    S->Connecting = false;
    for (auto &Fn : std::exchange(S->PendingCalls, {}))
      S->L->call_soon(std::move(Fn));
    if (!Waiter->cancelled())
      Waiter->setResult();
    return finish();
  }
  const char *function_name() const noexcept override {
    return "BaseSubprocessTransport._connect_pipes";
  }

private:
  void connect(int Slot) {
    Loop &L = *S->L;
    Connected = new FutureImpl<void>(&L, {"connect_pipe", 0});
    int Fd = std::exchange(S->PipeFds[Slot], -1);
    if (Slot == 0) {
      S->Stdin = pipeWriter(L, Fd, S->pipeEvents(0), Connected);
      S->Pipes[0] = S->Stdin;
      return;
    }
    auto [Reader, Transport] =
        pipeReader(L, Fd, Limit, S->pipeEvents(Slot), Connected);
    (Slot == 1 ? S->Stdout : S->Stderr) = std::move(Reader);
    S->Pipes[Slot] = std::move(Transport);
  }

  Ref<ProcessState> S;
  Ref<FutureImpl<void>> Waiter;
  std::size_t Limit;
  int Slot = 0;
  Ref<FutureImpl<void>> Connected;
};

// create_subprocess_exec/_shell: starts the child and the task that
// connects its pipes, then waits for that task (_make_subprocess_transport).
// Cancelled meanwhile, it closes the transport and waits for the exit.
class CreateFrame final : public Frame<Process> {
public:
  CreateFrame(std::vector<std::string> Argv, SubprocessOptions Opts)
      : Argv(std::move(Argv)), Opts(std::move(Opts)) {}
  Step resume() override {
    switch (state) {
    case 1:
      goto resume_1;
    case 2:
      goto resume_2;
    default:
      break;
    }
    start();
    state = 1;
    return suspendOn(*Waiter);
  resume_1:
    try {
      resume_point();
      Waiter->result();
    } catch (...) {
      Error = std::current_exception();
      S->close();
      Wait = ProcessAccess::make(S).wait();
      goto resume_2;
    }
    {
      Process P = ProcessAccess::make(S);
      P.pid = int(S->Pid);
      P.stdin_ = S->Stdin;
      P.stdout_ = S->Stdout;
      P.stderr_ = S->Stderr;
      return_value(std::move(P));
    }
    return finish();
  resume_2:
    if (Wait.step() == Step::Suspended) {
      state = 2;
      return Step::Suspended;
    }
    Wait.take_result();
    std::rethrow_exception(Error);
  }
  void unwind() noexcept override { Wait = {}; }
  const char *function_name() const noexcept override {
    return "create_subprocess_exec";
  }

private:
  void start() {
    Loop &L = get_running_loop();
    if (Opts.limit == 0)
      throw ValueError("Limit cannot be <= 0");
    SpawnSetup Setup;
    Setup.stream(0, Opts.stdin_);
    Setup.stream(1, Opts.stdout_);
    Setup.stream(2, Opts.stderr_);
    pid_t Pid = Setup.spawn(Argv, Opts.cwd, Opts.env);
    S = new ProcessState(L, Pid);
    for (int Slot = 0; Slot < 3; ++Slot) {
      S->PipeFds[Slot] = Setup.takeParentFd(Slot);
      S->PipeWanted[Slot] = S->PipeFds[Slot] >= 0;
    }
    Waiter = new FutureImpl<void>(&L, {"create_subprocess_exec", 0});
    create_task(Coro<void>::make<ConnectPipesFrame>(S, Waiter, Opts.limit));
    S->watchExit();
  }

  std::vector<std::string> Argv;
  SubprocessOptions Opts;
  Ref<ProcessState> S;
  Ref<FutureImpl<void>> Waiter;
  std::exception_ptr Error;
  Coro<int> Wait;
};

// Process.wait: base_subprocess._wait.
class WaitFrame final : public Frame<int> {
public:
  explicit WaitFrame(Ref<ProcessState> S) : S(std::move(S)) {}
  Step resume() override {
    if (state == 1)
      goto resume_1;
    if (S->Returncode) {
      return_value(*S->Returncode);
      return finish();
    }
    Waiter = new FutureImpl<int>(S->L, {"Process.wait", 0});
    S->ExitWaiters.push_back(Waiter);
    state = 1;
    return suspendOn(*Waiter);
  resume_1:
    resume_point();
    return_value(int(Waiter->result()));
    return finish();
  }
  const char *function_name() const noexcept override { return "Process.wait"; }

private:
  Ref<ProcessState> S;
  Ref<FutureImpl<int>> Waiter;
};

// Process._noop
class NoopFrame final : public Frame<std::optional<std::string>> {
public:
  Step resume() override {
    return_value(std::optional<std::string>());
    return finish();
  }
  const char *function_name() const noexcept override {
    return "Process._noop";
  }
};

// Process._feed_stdin
class FeedStdinFrame final : public Frame<std::optional<std::string>> {
public:
  FeedStdinFrame(StreamWriter W, std::string Input)
      : W(std::move(W)), Input(std::move(Input)) {}
  Step resume() override {
    if (state == 1)
      goto resume_1;
    W.write(Input);
    Drain = W.drain();
  resume_1:
    if (Drain.step() == Step::Suspended) {
      state = 1;
      return Step::Suspended;
    }
    try {
      Drain.take_result();
    } catch (const BrokenPipeError &) {
    } catch (const ConnectionResetError &) {
    }
    W.close();
    return_value(std::optional<std::string>());
    return finish();
  }
  void unwind() noexcept override { Drain = {}; }
  const char *function_name() const noexcept override {
    return "Process._feed_stdin";
  }

private:
  StreamWriter W;
  std::string Input;
  Coro<void> Drain;
};

// Process._read_stream
class ReadStreamFrame final : public Frame<std::optional<std::string>> {
public:
  ReadStreamFrame(StreamReader R, std::optional<StreamWriter> Transport)
      : R(std::move(R)), Transport(std::move(Transport)) {}
  Step resume() override {
    if (state == 1)
      goto resume_1;
    Read = R.read();
  resume_1:
    if (Read.step() == Step::Suspended) {
      state = 1;
      return Step::Suspended;
    }
    {
      std::string Output = Read.take_result();
      if (Transport)
        Transport->close();
      return_value(std::optional<std::string>(std::move(Output)));
    }
    return finish();
  }
  void unwind() noexcept override { Read = {}; }
  const char *function_name() const noexcept override {
    return "Process._read_stream";
  }

private:
  StreamReader R;
  std::optional<StreamWriter> Transport;
  Coro<std::string> Read;
};

using OptString = std::optional<std::string>;
using Outputs = std::pair<OptString, OptString>;

// Process.communicate: gather(stdin, stdout, stderr), then wait().
class CommunicateFrame final : public Frame<Outputs> {
public:
  CommunicateFrame(Process P, OptString Input)
      : P(std::move(P)), Input(std::move(Input)) {}
  Step resume() override {
    switch (state) {
    case 1:
      goto resume_1;
    case 2:
      goto resume_2;
    default:
      break;
    }
    {
      Ref<ProcessState> S = ProcessAccess::state(P);
      Coro<OptString> In, Out, Err;
      if (Input) {
        if (!P.stdin_)
          throw ValueError("communicate() with input needs stdin_=PIPE");
        In =
            Coro<OptString>::make<FeedStdinFrame>(*P.stdin_, std::move(*Input));
      } else {
        In = Coro<OptString>::make<NoopFrame>();
      }
      Out = P.stdout_ ? Coro<OptString>::make<ReadStreamFrame>(*P.stdout_,
                                                               S->Pipes[1])
                      : Coro<OptString>::make<NoopFrame>();
      Err = P.stderr_ ? Coro<OptString>::make<ReadStreamFrame>(*P.stderr_,
                                                               S->Pipes[2])
                      : Coro<OptString>::make<NoopFrame>();
      All = gather(std::move(In), std::move(Out), std::move(Err));
    }
  resume_1:
    if (All.step() == Step::Suspended) {
      state = 1;
      return Step::Suspended;
    }
    {
      auto Results = All.take_result();
      Result = Outputs(std::move(std::get<1>(Results)),
                       std::move(std::get<2>(Results)));
    }
    Wait = P.wait();
  resume_2:
    if (Wait.step() == Step::Suspended) {
      state = 2;
      return Step::Suspended;
    }
    Wait.take_result();
    return_value(std::move(Result));
    return finish();
  }
  void unwind() noexcept override {
    All = {};
    Wait = {};
  }
  const char *function_name() const noexcept override {
    return "Process.communicate";
  }

private:
  Process P;
  OptString Input;
  Coro<std::tuple<OptString, OptString, OptString>> All;
  Outputs Result;
  Coro<int> Wait;
};

} // namespace
} // namespace detail

using detail::ProcessState;
using detail::Ref;

Process::Process(const Process &) = default;
Process::Process(Process &&) noexcept = default;
Process &Process::operator=(const Process &) = default;
Process &Process::operator=(Process &&) noexcept = default;
Process::~Process() = default;
Process::Process(Ref<ProcessState> S) : S(std::move(S)) {}

std::optional<int> Process::returncode() const noexcept {
  return S->Returncode;
}

Coro<int> Process::wait() const {
  return Coro<int>::make_awaited<detail::WaitFrame>(S);
}

Coro<std::pair<std::optional<std::string>, std::optional<std::string>>>
Process::communicate(std::optional<std::string> Input) const {
  return Coro<detail::Outputs>::make_awaited<detail::CommunicateFrame>(
      *this, std::move(Input));
}

void Process::send_signal(int Sig) const {
  if (S->Gone)
    throw ProcessLookupError();
  // Popen.send_signal: nothing once the exit is known (the pid may be
  // reused).
  if (S->Returncode)
    return;
  if (::kill(S->Pid, Sig) != 0 && errno != ESRCH)
    throw OSError(errno, std::strerror(errno));
}
void Process::terminate() const { send_signal(SIGTERM); }
void Process::kill() const { send_signal(SIGKILL); }

Coro<Process> create_subprocess_exec(std::string Program,
                                     std::vector<std::string> Args,
                                     SubprocessOptions Opts) {
  Args.insert(Args.begin(), std::move(Program));
  return Coro<Process>::make_awaited<detail::CreateFrame>(std::move(Args),
                                                          std::move(Opts));
}

Coro<Process> create_subprocess_shell(std::string Cmd, SubprocessOptions Opts) {
  return Coro<Process>::make_awaited<detail::CreateFrame>(
      std::vector<std::string>{"/bin/sh", "-c", std::move(Cmd)},
      std::move(Opts));
}

} // namespace cosm
