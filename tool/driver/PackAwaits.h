//===- driver/PackAwaits.h - Awaits inside pack expansions ------*- C++ -*-===//
///
/// \file
/// A pack expansion or a fold whose pattern awaits,
///
///   (print(cosm::await(fetch(ids))), ...);
///
/// has as many suspension points as the instantiation has elements. Before
/// lowering, such an expansion is rewritten in the input's text: its
/// pattern becomes a generic COSM_ASYNC lambda declared just before the
/// statement (`each_1`, taking one element of the pack), and the expansion
/// an await of cosm::detail::in_order(each_1, std::forward_as_tuple(ids)...),
/// which runs the pattern for one element after the other (cosm/pack.hpp).
/// A fold's operator or the call around the expansion is then applied to
/// the results. Every line keeps its number; that text is lowered instead.
///
//===----------------------------------------------------------------------===//
#ifndef COSM_DRIVER_PACKAWAITS_H
#define COSM_DRIVER_PACKAWAITS_H

#include "clang/AST/ASTContext.h"
#include <optional>
#include <string>

namespace cosm {

struct PackRewrite {
  /// The main file's text with every such expansion rewritten; none when
  /// there is none.
  std::optional<std::string> Text;
  /// An expansion that cannot be rewritten was reported.
  bool Failed = false;
};

/// Rewrites the expansions that await in the COSM_ASYNC functions (and
/// lambdas) of \p Context's main file.
PackRewrite rewritePackAwaits(clang::ASTContext &Context);

} // namespace cosm

#endif // COSM_DRIVER_PACKAWAITS_H
