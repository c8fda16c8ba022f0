//===- cosm/subprocess.hpp - Subprocesses ----------------------*- C++ -*-===//
///
/// \file
/// asyncio's subprocesses (CPython 3.11 subprocess.py over
/// base_subprocess.py and unix_events.py): create_subprocess_exec() and
/// create_subprocess_shell() start a child whose standard streams are pipes
/// (subprocess::PIPE), /dev/null (DEVNULL), stdout (STDOUT, for stderr), an
/// open fd, or inherited (unset, Python's None). A Process gives the pipes
/// as a StreamWriter (stdin_) and StreamReaders (stdout_, stderr_).
///
/// - The child is started with posix_spawnp: descriptors other than 0-2 are
///   closed in the child (Popen's close_fds=True) and SIGPIPE and SIGXFSZ
///   are reset to their default action (restore_signals=True).
/// - The exit is noticed without blocking the loop: a pidfd (pidfd_open)
///   watched by the loop; where the kernel lacks it (ENOSYS), a thread that
///   waits for the child and writes its status to a socket the loop
///   watches (asyncio's ThreadedChildWatcher, without touching the loop
///   from the thread).
/// - wait() returns at once once the exit was noticed; otherwise it waits
///   until the child has exited and every pipe is closed, as 3.11 does.
///
/// - As in asyncio, the pipes are connected by a task of their own
///   (_connect_pipes, which takes a Task-N number), one pass per
///   transport's connection_made and one for its waiter; what a pipe reads,
///   its end and the exit reach the streams and wait() one call later.
///
/// Differences from asyncio: stdin/stdout/stderr are macros in C, so the
/// arguments and attributes are stdin_, stdout_ and stderr_; bytes are
/// std::string.
///
//===----------------------------------------------------------------------===//
#ifndef COSM_SUBPROCESS_HPP
#define COSM_SUBPROCESS_HPP

#include "cosm/errors.hpp"
#include "cosm/frame.hpp"
#include "cosm/ref.hpp"
#include "cosm/streams.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace cosm {

/// asyncio.subprocess's constants.
namespace subprocess {
inline constexpr int PIPE = -1;
inline constexpr int STDOUT = -2;
inline constexpr int DEVNULL = -3;
} // namespace subprocess

/// The keyword arguments of create_subprocess_exec/_shell.
struct SubprocessOptions {
  /// subprocess::PIPE, DEVNULL, STDOUT (stderr only), an open fd, or unset
  /// (inherit).
  std::optional<int> stdin_, stdout_, stderr_;
  /// The StreamReaders' limit.
  std::size_t limit = stream_default_limit;
  /// Popen's cwd: the child's working directory.
  std::optional<std::string> cwd = std::nullopt;
  /// Popen's env, as "NAME=value" strings: the child's whole environment
  /// (unset: this process's).
  std::optional<std::vector<std::string>> env = std::nullopt;
};

namespace detail {
struct ProcessState;
struct ProcessAccess;
} // namespace detail

/// A child process (asyncio.subprocess.Process). A shared handle.
class Process {
public:
  Process(const Process &);
  Process(Process &&) noexcept;
  Process &operator=(const Process &);
  Process &operator=(Process &&) noexcept;
  ~Process();

  /// The pipes of the streams given as subprocess::PIPE, else empty.
  std::optional<StreamWriter> stdin_;
  std::optional<StreamReader> stdout_, stderr_;
  int pid = 0;

  /// The exit status once the exit was noticed: the exit code, or -N when
  /// signal N killed the child. Empty while it runs (Python's None).
  std::optional<int> returncode() const noexcept;
  /// Waits for the child to exit; its returncode().
  Coro<int> wait() const;
  /// Writes Input to stdin_ (if given) and closes it, reads stdout_ and
  /// stderr_ to EOF, then waits for the exit. Each output is empty unless
  /// it was a pipe. A child that stops reading its stdin is not an error
  /// (BrokenPipeError and ConnectionResetError are ignored).
  Coro<std::pair<std::optional<std::string>, std::optional<std::string>>>
  communicate(std::optional<std::string> Input = std::nullopt) const;
  /// Sends signal Sig; nothing once the exit was noticed;
  /// ProcessLookupError once the process is finished.
  void send_signal(int Sig) const;
  void terminate() const; ///< SIGTERM
  void kill() const;      ///< SIGKILL

private:
  friend struct detail::ProcessAccess;
  explicit Process(detail::Ref<detail::ProcessState> S);
  detail::Ref<detail::ProcessState> S;
};

/// Runs Program with Args (argv[0] is Program; PATH is searched when it
/// has no '/').
Coro<Process> create_subprocess_exec(std::string Program,
                                     std::vector<std::string> Args = {},
                                     SubprocessOptions Opts = {});
/// Runs Cmd with /bin/sh -c.
Coro<Process> create_subprocess_shell(std::string Cmd,
                                      SubprocessOptions Opts = {});

} // namespace cosm

#endif // COSM_SUBPROCESS_HPP
