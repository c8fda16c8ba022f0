//===- driver/LowerAction.h - Lower one translation unit --------*- C++ -*-===//
///
/// \file
/// The frontend action the driver runs on each input: it expands the macros
/// that await, rewrites awaits in pack expansions, renames local types of
/// one name (each step a reparse of the rewritten text), lowers under the
/// frame size limit, and keeps the text with the files the input includes.
///
//===----------------------------------------------------------------------===//
#ifndef COSM_DRIVER_LOWERACTION_H
#define COSM_DRIVER_LOWERACTION_H

#include "emit/Output.h"
#include "clang/Format/Format.h"
#include "clang/Tooling/Tooling.h"
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace cosm {

/// What lowering one input produced.
struct Lowered {
  LoweredFile Result;
  /// The input and its non-system headers, for --depfile.
  std::vector<std::string> Dependencies;
  /// Every file the input includes, system headers too: never an output.
  std::vector<std::string> Included;
};
/// Each input's result, by its real path.
using ResultMap = std::map<std::string, Lowered>;

/// The frame size limit (--max-frame-bytes), and whether to measure every
/// frame even when none is embedded (the reports list their sizes).
struct FrameLimit {
  uint64_t MaxBytes = 0;
  bool ListSizes = false;
};

/// Makes a LowerAction per input; each adds its result to \p Results (safe
/// from the all-TUs executor's threads).
class LowerActionFactory : public clang::tooling::FrontendActionFactory {
public:
  LowerActionFactory(ResultMap &Results,
                     const clang::format::FormatStyle &Style,
                     const LowerOptions &Options, FrameLimit Frames)
      : Results(Results), Style(Style), Options(Options), Frames(Frames) {}
  std::unique_ptr<clang::FrontendAction> create() override;

private:
  ResultMap &Results;
  const clang::format::FormatStyle &Style;
  const LowerOptions &Options;
  FrameLimit Frames;
};

} // namespace cosm

#endif // COSM_DRIVER_LOWERACTION_H
