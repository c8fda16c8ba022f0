//===- os_error.hpp - errno to exception ------------------------*- C++ -*-===//
///
/// \file
/// The one place where a failed system call becomes an exception, as
/// CPython's OSError constructor picks its subclass from the errno.
/// Private to the runtime.
///
//===----------------------------------------------------------------------===//
#ifndef COSM_SRC_OS_ERROR_HPP
#define COSM_SRC_OS_ERROR_HPP

#include "cosm/errors.hpp"

#include <cerrno>
#include <exception>
#include <string>

namespace cosm::detail {

/// OSError(Err, Text) of the subclass Python picks for Err; Text defaults
/// to strerror(Err).
std::exception_ptr osError(int Err);
std::exception_ptr osError(int Err, const std::string &Text);
[[noreturn]] void throwOsError(int Err);
[[noreturn]] void throwOsError(int Err, const std::string &Text);
/// socket.gaierror for a getaddrinfo()/getnameinfo() result (EAI_SYSTEM:
/// the OSError of errno).
[[noreturn]] void throwGaiError(int Code);

/// The call would block (or was interrupted): retry once the fd is ready.
inline bool wouldBlock(int Err) {
  return Err == EAGAIN || Err == EWOULDBLOCK || Err == EINTR;
}

} // namespace cosm::detail

#endif // COSM_SRC_OS_ERROR_HPP
