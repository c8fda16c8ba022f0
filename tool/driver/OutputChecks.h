//===- driver/OutputChecks.h - Never write over an input --------*- C++ -*-===//
///
/// \file
/// `cosm-lower f.cpp -o f.cpp` would replace the user's source with lowered
/// code. The driver refuses an -o or --depfile that is an input, a header an
/// input includes, or (for the depfile) the -o file, comparing files by
/// device and inode, not by name, so links and `./` do not slip through.
///
//===----------------------------------------------------------------------===//
#ifndef COSM_DRIVER_OUTPUTCHECKS_H
#define COSM_DRIVER_OUTPUTCHECKS_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include <string>
#include <vector>

namespace cosm {

/// True if \p A and \p B are the same file: the same device and inode when
/// both exist, else the same absolute path once `.` and `..` are removed.
bool sameFile(llvm::StringRef A, llvm::StringRef B);

/// Before lowering: false, after printing an error, if \p Output or
/// \p DepFile (either may be empty) is one of \p Sources or if they are the
/// same file.
bool checkOutputsAgainstSources(llvm::StringRef Output, llvm::StringRef DepFile,
                                llvm::ArrayRef<std::string> Sources);

/// After lowering \p Source, before writing anything: false, after printing
/// an error, if \p Output or \p DepFile is one of \p Included, the files
/// \p Source includes.
bool checkOutputsAgainstIncludes(llvm::StringRef Output,
                                 llvm::StringRef DepFile,
                                 llvm::StringRef Source,
                                 llvm::ArrayRef<std::string> Included);

/// --output-dir, before lowering: false, after an error, if two of
/// \p Sources would write the same file (\p Outputs, one a source) or an
/// output file is an input. Inputs are compared by inode once each, not
/// pairwise: a compilation database may hold thousands.
bool checkOutputDir(llvm::ArrayRef<std::string> Sources,
                    llvm::ArrayRef<std::string> Outputs);

/// --output-dir, after lowering, before writing: false, after an error, if
/// an output file is a header that one of the inputs includes (\p Included,
/// one list a source; none for a source that failed).
bool checkOutputDirAgainstIncludes(
    llvm::ArrayRef<std::string> Sources, llvm::ArrayRef<std::string> Outputs,
    llvm::ArrayRef<const std::vector<std::string> *> Included);

} // namespace cosm

#endif // COSM_DRIVER_OUTPUTCHECKS_H
