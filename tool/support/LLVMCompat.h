//===- support/LLVMCompat.h - Clang 19 .. 22 API differences ----*- C++ -*-===//
///
/// \file
/// cosm-lower is developed against Clang 19 and must also build against
/// Clang 22. Clang 22 folded ElaboratedType (a type written with a keyword
/// or a qualifier, `ns::T`) into the types themselves and removed
/// ASTContext::getRecordType; Clang 21 made DiagnosticOptions a plain
/// object taken by reference. Every version check lives here.
///
//===----------------------------------------------------------------------===//
#ifndef COSM_SUPPORT_LLVMCOMPAT_H
#define COSM_SUPPORT_LLVMCOMPAT_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/NestedNameSpecifier.h"
#include "clang/AST/Type.h"
#include "clang/Frontend/TextDiagnosticPrinter.h"
#include "llvm/Config/llvm-config.h"
#include "llvm/Support/raw_ostream.h"

namespace cosm {

/// The type of class \p D (without qualifiers).
inline clang::QualType recordType(const clang::ASTContext &Context,
                                  const clang::CXXRecordDecl *D) {
#if LLVM_VERSION_MAJOR >= 22
  return Context.getCanonicalTagType(D);
#else
  return Context.getRecordType(D);
#endif
}

/// \p Type without the ElaboratedType sugar Clang 19 wraps around a
/// qualified or keyword-prefixed name; Clang 22 has none.
inline clang::QualType withoutElaboration(clang::QualType Type) {
#if LLVM_VERSION_MAJOR < 22
  if (const auto *Elaborated =
          llvm::dyn_cast<clang::ElaboratedType>(Type.getTypePtr()))
    return Elaborated->getNamedType();
#endif
  return Type;
}

/// The type a qualifier names (`Base<T>::`), or null. Clang 22 made the
/// specifier a value.
inline const clang::Type *qualifierType(clang::NestedNameSpecifierLoc Loc) {
  if (!Loc)
    return nullptr;
#if LLVM_VERSION_MAJOR >= 22
  return Loc.getNestedNameSpecifier().getAsType();
#else
  return Loc.getNestedNameSpecifier()->getAsType();
#endif
}

/// A diagnostics engine that prints to standard error as Clang does, with
/// the options and the printer it needs (declared in that order).
struct StderrDiagnostics {
#if LLVM_VERSION_MAJOR >= 21
  clang::DiagnosticOptions Options;
  clang::TextDiagnosticPrinter Printer{llvm::errs(), Options};
#else
  llvm::IntrusiveRefCntPtr<clang::DiagnosticOptions> Options =
      llvm::makeIntrusiveRefCnt<clang::DiagnosticOptions>();
  clang::TextDiagnosticPrinter Printer{llvm::errs(), Options.get()};
#endif
  clang::DiagnosticsEngine Engine{
      llvm::makeIntrusiveRefCnt<clang::DiagnosticIDs>(), Options, &Printer,
      /*ShouldOwnClient=*/false};
};

} // namespace cosm

#endif // COSM_SUPPORT_LLVMCOMPAT_H
