//===- debug.hpp - Diagnostics on stderr ------------------------*- C++ -*-===//
///
/// \file
/// Private helpers that format the runtime's diagnostics. Everything goes to
/// stderr: stdout belongs to the program, and is compared with asyncio's.
///
//===----------------------------------------------------------------------===//
#ifndef COSM_SRC_DEBUG_HPP
#define COSM_SRC_DEBUG_HPP

#include "cosm/callback.hpp"

#include <exception>
#include <string>

namespace cosm::detail {

/// `Type('what')` for a stored exception, as asyncio's repr(exc).
std::string describeException(const std::exception_ptr &E);
/// ` created at file:line`, or "" when unknown.
std::string createdAt(SourceLoc Loc);
/// Writes one message (a trailing newline is added) to stderr.
void logError(const std::string &Message) noexcept;

} // namespace cosm::detail

#endif // COSM_SRC_DEBUG_HPP
