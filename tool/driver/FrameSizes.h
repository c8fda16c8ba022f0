//===- driver/FrameSizes.h - sizeof each frame, by Clang --------*- C++ -*-===//
///
/// \file
/// The frame size limit (--max-frame-bytes) and the sizes that --emit=model
/// and --emit=html list are Clang's own: the lowered text is parsed in
/// memory with the input's compiler invocation (without COSM_LOWERING, as it
/// will be compiled) and each frame struct's size read from its record
/// layout. Nothing is estimated.
///
//===----------------------------------------------------------------------===//
#ifndef COSM_DRIVER_FRAMESIZES_H
#define COSM_DRIVER_FRAMESIZES_H

#include "emit/Output.h"
#include "clang/Format/Format.h"
#include "clang/Frontend/CompilerInstance.h"
#include <cstdint>

namespace cosm {

/// Fills \p File's FrameSize::Bytes by parsing \p File.Lowered with \p CI's
/// invocation; false (sizes left 0) if it does not parse. Without
/// \p Everyone, function bodies are skipped and the frames local to a member
/// (never embedded) stay unmeasured.
bool measureFrames(clang::CompilerInstance &CI, LoweredFile &File,
                   bool Everyone);

/// Lowers the main file of \p Context so that no frame that holds a child
/// frame is larger than \p Limit bytes, measuring with Clang; reports a
/// remark for each frame over the limit. \p Measure: also measure when
/// nothing is embedded (the reports list every size). None after errors.
std::optional<LoweredFile>
lowerWithFrameLimit(clang::CompilerInstance &CI, clang::ASTContext &Context,
                    const clang::format::FormatStyle &Style,
                    LowerOptions Options, uint64_t Limit, bool Measure);

} // namespace cosm

#endif // COSM_DRIVER_FRAMESIZES_H
