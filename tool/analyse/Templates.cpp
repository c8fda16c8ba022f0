//===- analyse/Templates.cpp - How a frame names templates and classes ---===//
///
/// \file
/// A frame of a template is a template: its header repeats the function's
/// (every parameter named), and a generic lambda's `auto` parameters join
/// it. A frame of a member names the class, which Clang's printer cannot
/// always do for class templates.
///
//===----------------------------------------------------------------------===//

#include "analyse/FunctionPlan.h"
#include "support/Diagnostics.h"
#include "support/LLVMCompat.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/NestedNameSpecifier.h"

using namespace clang;

namespace cosm {

/// True if a class template's type, printed, does not name it: a class
/// nested in a class template loses the outer arguments (`Outer::Inner<U>`),
/// an unnamed parameter reads `type-parameter-0-1`.
static bool printsBadly(const CXXRecordDecl *Class) {
  if (!Class->isDependentContext())
    return false;
  if (Class->getParent()->isRecord())
    return true;
  const ClassTemplateDecl *Template = Class->getDescribedClassTemplate();
  return Template &&
         llvm::any_of(*Template->getTemplateParameters(),
                      [](const NamedDecl *P) { return P->getName().empty(); });
}

/// One of a generic lambda's `auto` parameters. They follow the inherited
/// parameters unless those end with a pack, which must stay last.
void FunctionPlan::addTemplateParameter(const std::string &Param,
                                        const std::string &Arg) {
  if (TemplateHeader.empty()) {
    TemplateHeader = "template <" + Param;
    TemplateArgs = "<" + Arg;
  } else if (OwnParamsFirst) {
    TemplateHeader.insert(OwnParamAt.first, Param + ", ");
    TemplateArgs.insert(OwnParamAt.second, Arg + ", ");
    OwnParamAt.first += Param.size() + 2;
    OwnParamAt.second += Arg.size() + 2;
  } else {
    TemplateHeader += ", " + Param;
    TemplateArgs += ", " + Arg;
  }
}

/// The type of the object of \p Class's members, as a frame (a member of
/// the class, or a local class of its member) names it: where the printed
/// type would not name the class, its injected name, the current
/// instantiation there.
std::string FunctionPlan::classType(const CXXRecordDecl *Class) {
  return printsBadly(Class) ? Class->getName().str()
                            : memberType(recordType(Context, Class));
}

/// `Box<T>::` for a member of \p M's class defined out of line: where the
/// printed type would not name the class, the qualifier as the definition
/// writes it (`Outer<T>::Inner<U>::`).
std::string FunctionPlan::classQualifier(const CXXMethodDecl *M) {
  const CXXRecordDecl *Class = M->getParent();
  if (printsBadly(Class))
    if (NestedNameSpecifierLoc Written = M->getQualifierLoc())
      if (auto Where = Text.span(Written.getSourceRange())) {
        std::string Qualifier = Text.original(*Where).rtrim().str();
        return StringRef(Qualifier).ends_with("::") ? Qualifier
                                                    : Qualifier + "::";
      }
  return memberType(recordType(Context, Class)) + "::";
}

bool FunctionPlan::repeatTemplate(const TemplateParameterList *Params,
                                  SourceLocation Where) {
  auto Header = Text.span(Params->getSourceRange());
  if (!Header) {
    report(Context.getDiagnostics(), Where, Diag::InMacro,
           "this template header");
    return false;
  }
  TemplateHeader = Text.original(*Header).str();
  TemplateArgs.clear();
  // The frame names every parameter: an unnamed one (`class = enable_if_t
  // <...>`, `int = 0`) gets a name where Clang puts its (empty) name.
  std::vector<std::pair<unsigned, std::string>> Names;
  unsigned Index = 0;
  for (const NamedDecl *P : *Params) {
    std::string Name = P->getName().str();
    // The frame template's members of that name would redeclare it.
    if (isBaseName(Name)) {
      report(Context.getDiagnostics(), P->getLocation(), Diag::Unsupported,
             "a template parameter named '" + Name +
                 "' like a member of the frame's base (rename it)");
      return false;
    }
    if (Name.empty()) {
      Name = "unnamed_" + std::to_string(++Index);
      auto At = Text.offset(P->getLocation());
      if (!At || *At < Header->Begin || *At > Header->End) {
        report(Context.getDiagnostics(), P->getBeginLoc(), Diag::InMacro,
               "this template parameter");
        return false;
      }
      Names.push_back({*At - Header->Begin, Name});
    }
    TemplateArgs += (TemplateArgs.empty() ? "<" : ", ") + Name +
                    (P->isParameterPack() ? "..." : "");
  }
  TemplateArgs += ">";
  for (auto It = Names.rbegin(); It != Names.rend(); ++It)
    TemplateHeader.insert(It->first, " " + It->second + " ");
  return true;
}

} // namespace cosm
