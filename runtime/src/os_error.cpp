//===- os_error.cpp - errno to exception ----------------------------------===//
#include "os_error.hpp"

#include <cstring>
#include <netdb.h>

namespace cosm::detail {

std::exception_ptr osError(int Err) { return osError(Err, std::strerror(Err)); }

std::exception_ptr osError(int Err, const std::string &Text) {
  switch (Err) {
  case EPIPE:
  case ESHUTDOWN:
    return std::make_exception_ptr(BrokenPipeError(Err, Text));
  case ECONNRESET:
    return std::make_exception_ptr(ConnectionResetError(Err, Text));
  case ECONNABORTED:
    return std::make_exception_ptr(ConnectionAbortedError(Err, Text));
  case ECONNREFUSED:
    return std::make_exception_ptr(ConnectionRefusedError(Err, Text));
  case ENOENT:
    return std::make_exception_ptr(FileNotFoundError(Err, Text));
  case EACCES:
  case EPERM:
    return std::make_exception_ptr(PermissionError(Err, Text));
  case EEXIST:
    return std::make_exception_ptr(FileExistsError(Err, Text));
  case ENOTDIR:
    return std::make_exception_ptr(NotADirectoryError(Err, Text));
  case EISDIR:
    return std::make_exception_ptr(IsADirectoryError(Err, Text));
  case ESRCH:
    return std::make_exception_ptr(ProcessLookupError(Err, Text));
  default:
    return std::make_exception_ptr(OSError(Err, Text));
  }
}

void throwOsError(int Err) { std::rethrow_exception(osError(Err)); }

void throwOsError(int Err, const std::string &Text) {
  std::rethrow_exception(osError(Err, Text));
}

void throwGaiError(int Code) {
  if (Code == EAI_SYSTEM)
    throwOsError(errno);
  throw gaierror(Code, ::gai_strerror(Code));
}

} // namespace cosm::detail
