//===- driver/LocalTypeNames.h - Local types declared twice -----*- C++ -*-===//
///
/// \file
/// C++ lets a function declare two types of one name in different scopes:
///
///   if (b) { struct Item { int v; }; ... }
///   struct Item { long v; };
///
/// A frame that names one of them nests every local type in the frame
/// struct, where both would be one scope; an unscoped enum's enumerators
/// join that scope too. So before lowering, the later types and enumerators
/// of a name are renamed in the input's text as shadowed locals are
/// (`Item_2`, `Item_3`), at their declaration and at every use; every line
/// keeps its number, and that text is lowered instead.
///
//===----------------------------------------------------------------------===//
#ifndef COSM_DRIVER_LOCALTYPENAMES_H
#define COSM_DRIVER_LOCALTYPENAMES_H

#include "clang/AST/ASTContext.h"
#include <optional>
#include <string>

namespace cosm {

struct TypeRenames {
  /// The main file's text with the types renamed; none when no async
  /// function declares two types of one name.
  std::optional<std::string> Text;
  /// A use that cannot be renamed (spelled by a macro) was reported.
  bool Failed = false;
};

/// Renames the later local types and enumerators of a name in the COSM_ASYNC
/// functions (and lambdas) of \p Context's main file.
TypeRenames renameLocalTypes(clang::ASTContext &Context);

} // namespace cosm

#endif // COSM_DRIVER_LOCALTYPENAMES_H
