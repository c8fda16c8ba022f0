//===- driver/SelfCheck.h - --verify: does the output compile? --*- C++ -*-===//
///
/// \file
/// `cosm-lower --verify` parses its own output with the input's compile
/// command (without COSM_LOWERING) before writing it. A lowering bug then
/// shows as an internal error at the user's line instead of as a compiler
/// error in generated code that the user did not write.
///
//===----------------------------------------------------------------------===//
#ifndef COSM_DRIVER_SELFCHECK_H
#define COSM_DRIVER_SELFCHECK_H

#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/ADT/StringRef.h"
#include <optional>
#include <string>

namespace cosm {

/// The first error the compiler reports on a lowered file.
struct CompileError {
  std::string Message; ///< the compiler's message
  unsigned Line = 0;   ///< its line in the lowered text
  /// Its line in the input, read from the `#line` directives (with a
  /// lowering that has them): the error's, or that of the first note that
  /// points into the main file (an instantiation's); 0 if none does.
  unsigned InputLine = 0;
};

/// Parses \p Text in place of \p Source, with \p Source's compile command
/// in \p Database changed by \p Adjust; the first error, if any.
std::optional<CompileError>
compileLowered(const clang::tooling::CompilationDatabase &Database,
               llvm::StringRef Source, llvm::StringRef Text,
               clang::tooling::ArgumentsAdjuster Adjust);

/// Prints `Source:line:col: error: cosm-lower produced code that does not
/// compile here; please report it` (at the input line, when known) and a
/// note with the compiler's message.
void reportLoweredError(llvm::StringRef Source, const CompileError &Error);

} // namespace cosm

#endif // COSM_DRIVER_SELFCHECK_H
