//===- driver/OutputFiles.h - The output and its depfile --------*- C++ -*-===//
///
/// \file
/// Writing the lowered code and its depfile. The driver writes only after
/// every check passed. Each file is written whole to a temporary file beside
/// it, then renamed over it: a write that fails (a full disk) leaves an
/// existing file as it was, and no build sees half an output.
///
//===----------------------------------------------------------------------===//
#ifndef COSM_DRIVER_OUTPUTFILES_H
#define COSM_DRIVER_OUTPUTFILES_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include <string>

namespace cosm {

/// Writes \p Content to \p Path and, unless \p DepFile is empty, a depfile
/// there whose rule makes \p Path depend on \p Deps. False after printing
/// an error; then neither is changed.
bool writeFile(llvm::StringRef Path, llvm::StringRef Content,
               llvm::StringRef DepFile, llvm::ArrayRef<std::string> Deps);

} // namespace cosm

#endif // COSM_DRIVER_OUTPUTFILES_H
