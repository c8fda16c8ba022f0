//===- debug.cpp - Diagnostics on stderr ----------------------------------===//
///
/// \file
/// Exception and location formatting, and the never-awaited warning.
///
//===----------------------------------------------------------------------===//
#include "debug.hpp"

#include "cosm/errors.hpp"
#include "cosm/frame.hpp"
#include "cosm/graph.hpp"
#include "cosm/loop.hpp"

#include <cstdio>
#include <cstdlib>
#include <cxxabi.h>
#include <memory>
#include <typeinfo>

namespace cosm::detail {

static std::string demangle(const std::type_info &Type) {
  int Status = 0;
  std::unique_ptr<char, void (*)(void *)> Name(
      abi::__cxa_demangle(Type.name(), nullptr, nullptr, &Status), std::free);
  return Status == 0 && Name ? Name.get() : Type.name();
}

std::string describeException(const std::exception_ptr &E) {
  if (!E)
    return "None";
  try {
    std::rethrow_exception(E);
  } catch (const std::exception &Ex) {
    return demangle(typeid(Ex)) + "('" + Ex.what() + "')";
  } catch (const CancelledError &Ex) {
    // repr(): CancelledError() without a message.
    if (!*Ex.what())
      return "cosm::CancelledError()";
    return std::string("cosm::CancelledError('") + Ex.what() + "')";
  } catch (...) {
    if (const std::type_info *Type = abi::__cxa_current_exception_type())
      return demangle(*Type) + "()";
    return "unknown exception";
  }
}

std::string createdAt(SourceLoc Loc) {
  if (!Loc.File || !*Loc.File)
    return "";
  return std::string(" created at ") + Loc.File + ":" +
         std::to_string(Loc.Line);
}

void logError(const std::string &Message) noexcept {
  std::fprintf(stderr, "%s\n", Message.c_str());
  std::fflush(stderr);
}

} // namespace cosm::detail

namespace cosm {

// CPython warns the same way, also outside debug mode, when a coroutine
// object is dropped without ever being awaited.
void report_never_awaited(const FrameBase &F) noexcept {
  std::fprintf(stderr, "RuntimeWarning: coroutine '%s' was never awaited\n",
               F.function_name());
  // Debug mode: the call graph of the task that dropped it.
  Loop *L = detail::runningLoopOrNull();
  if (detail::TaskBase *T = L && L->get_debug() ? detail::currentTaskOrNull()
                                                : nullptr)
    try {
      std::fprintf(stderr, "%s\n", detail::callGraphText(*T).c_str());
    } catch (...) {
    }
  std::fflush(stderr);
}

} // namespace cosm
