//===- driver/InClassMembers.h - Members moved out of their class -*- C++
//-*-===//
///
/// \file
/// A member defined in its class has its frame nested in the class, which
/// is incomplete there: that frame cannot hold the class by value (a result
/// `cosm::Coro<Conn>`, a kept local `Conn c = *this`, a kept lambda that
/// captures `*this`). Such a member is first moved out of its class, as a
/// user would: its body becomes a declaration in the class, and the
/// definition follows the outermost class, `inline` as it was:
///
///   struct Conn {                  struct Conn {
///     COSM_ASYNC Coro<Conn> f() {    COSM_ASYNC Coro<Conn> f();
///       ...                        };
///     }                            inline COSM_ASYNC auto Conn::f()
///   };                                 -> Coro<Conn> { ... }
///
/// `#line` directives around the moved definition keep every line of the
/// input at its number; the output keeps them only with --line-directives
/// (stripInClassMoves).
///
//===----------------------------------------------------------------------===//
#ifndef COSM_DRIVER_INCLASSMEMBERS_H
#define COSM_DRIVER_INCLASSMEMBERS_H

#include "clang/AST/ASTContext.h"
#include <optional>
#include <string>

namespace cosm {

/// The main file's text with those COSM_ASYNC members moved out of their
/// classes; none if no member needs it.
std::optional<std::string> moveInClassMembers(clang::ASTContext &Context);

/// \p Lowered without the `#line` directives moveInClassMembers added.
std::string stripInClassMoves(llvm::StringRef Lowered);

} // namespace cosm

#endif // COSM_DRIVER_INCLASSMEMBERS_H
