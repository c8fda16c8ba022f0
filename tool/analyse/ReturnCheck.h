//===- analyse/ReturnCheck.h - Falling off a non-void function --*- C++ -*-===//
///
/// \file
/// Clang's -Wreturn-type for COSM_ASYNC functions. The driver turns the
/// warning off, since every `cosm::Coro<T>` function ends without returning
/// a Coro; this check does the same analysis with `T` as the result type.
///
//===----------------------------------------------------------------------===//
#ifndef COSM_ANALYSE_RETURNCHECK_H
#define COSM_ANALYSE_RETURNCHECK_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"

namespace cosm {

/// Reports an error at the closing brace of \p F, a COSM_ASYNC definition
/// returning `cosm::Coro<T>` with `T` not void, if control can reach it;
/// false then. Dependent definitions are left alone, as Clang does (it
/// checks their instantiations, which are never lowered).
bool checkReturns(const clang::FunctionDecl *F, clang::ASTContext &Context);

} // namespace cosm

#endif // COSM_ANALYSE_RETURNCHECK_H
