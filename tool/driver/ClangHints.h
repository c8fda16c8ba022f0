//===- driver/ClangHints.h - cosm's notes on Clang's errors -----*- C++ -*-===//
///
/// \file
/// Some of Clang's errors on a cosm program have a cosm cause that Clang's
/// message does not name. The hints add a note that does, after the error.
///
//===----------------------------------------------------------------------===//
#ifndef COSM_DRIVER_CLANGHINTS_H
#define COSM_DRIVER_CLANGHINTS_H

namespace clang {
class DiagnosticsEngine;
class LangOptions;
} // namespace clang

namespace cosm {

/// Wraps \p Engine's client in one that adds cosm's notes to its errors
/// (on the file parsed with \p LangOpts).
void addClangHints(clang::DiagnosticsEngine &Engine,
                   const clang::LangOptions &LangOpts);

} // namespace cosm

#endif // COSM_DRIVER_CLANGHINTS_H
