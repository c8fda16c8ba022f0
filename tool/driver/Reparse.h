//===- driver/Reparse.h - Parse new text as the main file -------*- C++ -*-===//
///
/// \file
/// Parses a text in memory as the main file of an existing compiler
/// invocation: the same flags, include paths and working directory. Used to
/// measure the lowered output (FrameSizes) and to lower an input whose
/// macros holding awaits were expanded first (MacroExpansion).
///
//===----------------------------------------------------------------------===//
#ifndef COSM_DRIVER_REPARSE_H
#define COSM_DRIVER_REPARSE_H

#include "clang/Frontend/CompilerInstance.h"
#include "llvm/ADT/STLFunctionalExtras.h"

namespace cosm {

/// Parses \p Text as \p CI's main file and calls \p OnAST with the new
/// instance and its AST (even after errors: \p OnAST decides). With
/// \p AsCompiled, COSM_LOWERING is not defined, as when the output is
/// compiled, and warnings are off. With \p SkipBodies, the bodies of functions
/// whose type does not depend on them are not parsed (Clang's
/// -skip-function-bodies): what record layouts need, at a fraction of the
/// cost. Diagnostics go to \p Client. False if there was no input file to
/// stand for.
bool reparse(
    clang::CompilerInstance &CI, llvm::StringRef Text, bool AsCompiled,
    clang::DiagnosticConsumer &Client,
    llvm::function_ref<void(clang::CompilerInstance &, clang::ASTContext &)>
        OnAST,
    bool SkipBodies = false);

} // namespace cosm

#endif // COSM_DRIVER_REPARSE_H
