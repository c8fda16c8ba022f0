//===- report/ModelDump.h - A frame model as readable text ------*- C++ -*-===//
///
/// \file
/// `--emit=model`: the lowering decisions of each async function as a tree,
/// the way `clang -Xclang -ast-dump` shows an AST: what the frame holds and
/// why, each state and which kind of await it is, the regions the dispatch
/// enters, and what each way out destroys, in order. Lit tests check these
/// decisions here without matching formatted C++.
///
//===----------------------------------------------------------------------===//
#ifndef COSM_REPORT_MODELDUMP_H
#define COSM_REPORT_MODELDUMP_H

#include "lower/FrameModel.h"
#include <string>

namespace cosm {

/// \p Model as text; one tree per function, ending with a newline.
std::string dumpModel(const FrameModel &Model);

} // namespace cosm

#endif // COSM_REPORT_MODELDUMP_H
