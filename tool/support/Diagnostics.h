//===- support/Diagnostics.h - cosm-lower's diagnostics ---------*- C++ -*-===//
///
/// \file
/// Every diagnostic cosm-lower emits, defined once. They go through Clang's
/// DiagnosticsEngine, so they print as `file:line:col: error: ...` with a
/// caret and work with `-Xclang -verify`.
///
//===----------------------------------------------------------------------===//
#ifndef COSM_SUPPORT_DIAGNOSTICS_H
#define COSM_SUPPORT_DIAGNOSTICS_H

#include "clang/Basic/Diagnostic.h"
#include "llvm/ADT/StringRef.h"

namespace cosm {

enum class Diag {
  AwaitOutsideAsync,     ///< cosm::await in a function not marked COSM_ASYNC
  AddAsyncNote,          ///< note with the COSM_ASYNC fix-it
  AsyncNotCoro,          ///< COSM_ASYNC on a function not returning Coro<T>
  VariableLengthArray,   ///< VLA in an async function
  Unsupported,           ///< a construct cosm-lower cannot lower yet (%0)
  InMacro,               ///< a rewrite needed inside a macro expansion
  MissingReturn,         ///< a non-void async function can fall off its end
  LoweredDoesNotCompile, ///< --verify: the output does not compile (here)
  CompilerSays,          ///< note: the compiler's message on the output
};

/// Reports \p Kind at \p Loc, with \p Arg for the messages that take one.
clang::DiagnosticBuilder report(clang::DiagnosticsEngine &Engine,
                                clang::SourceLocation Loc, Diag Kind,
                                llvm::StringRef Arg = {});

} // namespace cosm

#endif // COSM_SUPPORT_DIAGNOSTICS_H
