//===- cosm/errors.hpp - The errors cosm raises ----------------*- C++ -*-===//
///
/// \file
/// Typed errors mirroring asyncio's exceptions. Ordinary errors derive from
/// cosm::Error (a std::runtime_error), as asyncio's derive from Exception.
/// CancelledError deliberately does NOT derive from std::exception: asyncio's
/// CancelledError is a BaseException, so `except Exception` does not swallow a
/// cancellation, and likewise `catch (const std::exception &)` does not. Only
/// `catch (const cosm::CancelledError &)` or `catch (...)` sees it.
///
//===----------------------------------------------------------------------===//
#ifndef COSM_ERRORS_HPP
#define COSM_ERRORS_HPP

#include <exception>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace cosm {

/// Base of cosm's ordinary errors (asyncio: Exception).
class Error : public std::runtime_error {
public:
  using std::runtime_error::runtime_error;
};

/// An operation is not allowed in the future's current state: a result
/// requested while pending, a result set twice (asyncio.InvalidStateError).
class InvalidStateError : public Error {
public:
  using Error::Error;
};

/// A deadline passed (asyncio.TimeoutError).
class TimeoutError : public Error {
public:
  using Error::Error;
};

/// Misuse of the loop or of a task: no running loop, a loop run inside
/// itself, a task awaiting itself or a future of another loop (asyncio raises
/// a plain RuntimeError in these cases).
class RuntimeError : public Error {
public:
  using Error::Error;
};

/// A Barrier was aborted or reset while a task waited on it, or is broken
/// (asyncio.BrokenBarrierError, a RuntimeError).
class BrokenBarrierError : public RuntimeError {
public:
  using RuntimeError::RuntimeError;
};

/// An argument or call sequence is wrong: Queue::task_done() called more
/// times than items were put (asyncio raises ValueError).
class ValueError : public Error {
public:
  using Error::Error;
};

/// get_nowait() on an empty queue (asyncio.QueueEmpty, raised bare: what()
/// is "", as str() of it is).
class QueueEmpty : public Error {
public:
  QueueEmpty() : Error("") {}
};

/// put_nowait() on a full queue (asyncio.QueueFull, raised bare).
class QueueFull : public Error {
public:
  QueueFull() : Error("") {}
};

/// The errors of a TaskGroup's children (and of its body), in the order
/// they happened (asyncio's ExceptionGroup, as TaskGroup raises it in
/// 3.11). what() is Python's str(eg): "unhandled errors in a TaskGroup
/// (2 sub-exceptions)". Rethrow an element of exceptions() to inspect it.
class ExceptionGroup : public Error {
public:
  ExceptionGroup(const std::string &Message,
                 std::vector<std::exception_ptr> Errors)
      : Error(Message + " (" + std::to_string(Errors.size()) +
              (Errors.size() == 1 ? " sub-exception)" : " sub-exceptions)")),
        Errors(std::move(Errors)) {}
  const std::vector<std::exception_ptr> &exceptions() const noexcept {
    return Errors;
  }

private:
  std::vector<std::exception_ptr> Errors;
};

/// A system call failed (Python's OSError): what() is "[Errno N] text",
/// code() the errno value.
class OSError : public Error {
public:
  OSError(int Code, const std::string &Text)
      : Error("[Errno " + std::to_string(Code) + "] " + Text), Code(Code) {}
  /// Without an errno (Python's OSError('text')): what() is Text, code() 0.
  explicit OSError(const std::string &Text) : Error(Text), Code(0) {}
  int code() const noexcept { return Code; }

private:
  int Code;
};
/// Python's ConnectionError family.
class ConnectionError : public OSError {
public:
  using OSError::OSError;
};
class BrokenPipeError : public ConnectionError {
public:
  using ConnectionError::ConnectionError;
};
class ConnectionResetError : public ConnectionError {
public:
  using ConnectionError::ConnectionError;
};
class ConnectionRefusedError : public ConnectionError {
public:
  using ConnectionError::ConnectionError;
};
class ConnectionAbortedError : public ConnectionError {
public:
  using ConnectionError::ConnectionError;
};

/// The other OSError subclasses Python picks by errno (ENOENT, EACCES and
/// EPERM, EEXIST, ENOTDIR, EISDIR, ESRCH).
class FileNotFoundError : public OSError {
public:
  using OSError::OSError;
};
class NotADirectoryError : public OSError {
public:
  using OSError::OSError;
};
class IsADirectoryError : public OSError {
public:
  using OSError::OSError;
};
class PermissionError : public OSError {
public:
  using OSError::OSError;
};
class FileExistsError : public OSError {
public:
  using OSError::OSError;
};
/// An operation on a process that no longer exists: Process::send_signal()
/// once the process is finished.
class ProcessLookupError : public OSError {
public:
  ProcessLookupError() : OSError("") {}
  using OSError::OSError;
};

/// A name lookup failed (Python's socket.gaierror): what() is "[Errno -2]
/// Name or service not known", code() the EAI_* value.
class gaierror : public OSError {
public:
  using OSError::OSError;
};

/// A number does not fit (Python's OverflowError): a port outside 0-65535.
class OverflowError : public Error {
public:
  using Error::Error;
};

/// The task or future was cancelled (asyncio.CancelledError). Not a
/// std::exception: see the file comment.
class CancelledError {
public:
  CancelledError() = default;
  explicit CancelledError(std::string Message) : Message(std::move(Message)) {}

  /// The message given to cancel(), or "" without one: str() of asyncio's
  /// CancelledError.
  const char *what() const noexcept { return Message.c_str(); }

private:
  std::string Message;
};

/// Python's KeyboardInterrupt: cosm::run() throws it when SIGINT cancelled
/// the main task, or at a second SIGINT (see run.hpp). Like CancelledError,
/// not a std::exception (a BaseException in Python), and the loop lets it
/// out of a callback instead of reporting it, as asyncio does.
class KeyboardInterrupt {
public:
  const char *what() const noexcept { return ""; }
};

} // namespace cosm

#endif // COSM_ERRORS_HPP
