//===- analyse/Names.cpp - Names the frame must leave alone ---------------===//
//
// The frame is a struct whose members are the function's parameters and
// locals; what the tool adds (self, live, fresh temporaries) and what it
// renames must not take a name the body, the parameters, a template
// parameter or a type the frame names already means something by.
//
//===----------------------------------------------------------------------===//

#include "analyse/FunctionPlan.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/RecursiveASTVisitor.h"

using namespace clang;

namespace cosm {

std::string uniqueName(llvm::StringSet<> &Taken, StringRef Stem) {
  std::string Name = Stem.str();
  for (unsigned N = 2; Taken.contains(Name); ++N)
    Name = (Stem + "_" + Twine(N)).str();
  Taken.insert(Name);
  return Name;
}

std::string FunctionPlan::freshName(StringRef Stem) {
  return uniqueName(Taken, Stem);
}

namespace {

/// Collects every identifier the body uses, so generated names avoid them.
class NameCollector : public RecursiveASTVisitor<NameCollector> {
public:
  explicit NameCollector(llvm::StringSet<> &Names) : Names(Names) {}
  bool VisitNamedDecl(NamedDecl *D) {
    if (D->getIdentifier())
      Names.insert(D->getName());
    return true;
  }
  bool VisitDeclRefExpr(DeclRefExpr *E) {
    if (E->getDecl()->getIdentifier())
      Names.insert(E->getDecl()->getName());
    return true;
  }
  bool VisitMemberExpr(MemberExpr *E) {
    if (E->getMemberDecl()->getIdentifier())
      Names.insert(E->getMemberDecl()->getName());
    return true;
  }
  // A type the body names (`struct lines` at namespace scope).
  bool VisitTagTypeLoc(TagTypeLoc TL) { return add(TL.getDecl()); }
  bool VisitTypedefTypeLoc(TypedefTypeLoc TL) {
    return add(TL.getTypePtr()->getDecl());
  }

private:
  bool add(const NamedDecl *D) {
    if (D->getIdentifier())
      Names.insert(D->getName());
    return true;
  }
  llvm::StringSet<> &Names;
};

/// Collects the names of the types \p F names (its parameters', its
/// result's, its body's): a parameter or local of one of those names,
/// declared as a frame member (`Config Config;`), would hide the type
/// from the rest of the frame.
class TypeNames : public RecursiveASTVisitor<TypeNames> {
public:
  explicit TypeNames(llvm::StringSet<> &Names) : Names(Names) {}
  bool VisitTagTypeLoc(TagTypeLoc TL) { return add(TL.getDecl()); }
  bool VisitTypedefTypeLoc(TypedefTypeLoc TL) {
    return add(TL.getTypePtr()->getDecl());
  }
  bool VisitTemplateSpecializationTypeLoc(TemplateSpecializationTypeLoc TL) {
    return add(TL.getTypePtr()->getTemplateName().getAsTemplateDecl());
  }

private:
  bool add(const NamedDecl *D) {
    if (D && D->getIdentifier())
      Names.insert(D->getName());
    return true;
  }
  llvm::StringSet<> &Names;
};

/// Collects the names a frame that nests \p F's local types would declare:
/// the types' and their unscoped enumerators'.
class LocalTypeNames : public RecursiveASTVisitor<LocalTypeNames> {
public:
  LocalTypeNames(const FunctionDecl *F, llvm::StringSet<> &Names)
      : F(F), Names(Names) {}
  bool VisitTypeDecl(TypeDecl *D) {
    if (D->getDeclContext() == F && D->getIdentifier())
      Names.insert(D->getName());
    return true;
  }
  bool VisitEnumConstantDecl(EnumConstantDecl *D) {
    const auto *Enum = cast<EnumDecl>(D->getDeclContext());
    if (Enum->getDeclContext() == F && !Enum->isScoped())
      Names.insert(D->getName());
    return true;
  }

private:
  const FunctionDecl *F;
  llvm::StringSet<> &Names;
};

} // namespace

llvm::StringSet<> FunctionPlan::namesUsed(const FunctionDecl *F) {
  llvm::StringSet<> Names;
  for (const char *Name : BaseNames)
    Names.insert(Name);
  NameCollector(Names).TraverseStmt(F->getBody());
  for (const ParmVarDecl *P : F->parameters())
    if (P->getIdentifier())
      Names.insert(P->getName());
  // The template parameters of the function and the classes around it:
  // a member named like one would redeclare it (`template <class live>`).
  auto AddParams = [&](const TemplateParameterList *Params) {
    if (Params)
      for (const NamedDecl *P : *Params)
        if (P->getIdentifier())
          Names.insert(P->getName());
  };
  for (unsigned I = 0; I < F->getNumTemplateParameterLists(); ++I)
    AddParams(F->getTemplateParameterList(I));
  for (const Decl *D = F; D; D = dyn_cast_or_null<Decl>(D->getDeclContext())) {
    if (const auto *G = dyn_cast<FunctionDecl>(D))
      if (const FunctionTemplateDecl *Template =
              G->getDescribedFunctionTemplate())
        AddParams(Template->getTemplateParameters());
    if (const auto *Class = dyn_cast<CXXRecordDecl>(D)) {
      if (const ClassTemplateDecl *Template =
              Class->getDescribedClassTemplate())
        AddParams(Template->getTemplateParameters());
      if (const auto *Partial =
              dyn_cast<ClassTemplatePartialSpecializationDecl>(Class))
        AddParams(Partial->getTemplateParameters());
    }
  }
  return Names;
}

std::string FunctionPlan::selfNameFor(const FunctionDecl *F) {
  llvm::StringSet<> Names = namesUsed(F);
  return uniqueName(Names, "self");
}

llvm::StringSet<> FunctionPlan::typeNames() const {
  llvm::StringSet<> Types;
  TypeNames(Types).TraverseDecl(const_cast<FunctionDecl *>(F));
  // The frame names the classes it is nested in (`Srv *self`), and a
  // lambda's frame the types of what it captures (`Config &Config`).
  for (const DeclContext *DC = F->getParent(); DC; DC = DC->getParent())
    if (const auto *Class = dyn_cast<CXXRecordDecl>(DC);
        Class && Class->getIdentifier())
      Types.insert(Class->getName());
  if (Lambda)
    for (const LambdaCapture &C : capturesOf(Lambda))
      if (C.capturesVariable())
        TypeNames(Types).TraverseDecl(C.getCapturedVar());
  return Types;
}

void FunctionPlan::addLocalTypeNames(llvm::StringSet<> &Names) const {
  LocalTypeNames(F, Names).TraverseStmt(F->getBody());
}

bool FunctionPlan::namesThroughUsing() const {
  struct UsingFinder : RecursiveASTVisitor<UsingFinder> {
    bool Found = false;
    bool VisitUsingDecl(UsingDecl *) { return !(Found = true); }
    bool VisitUsingDirectiveDecl(UsingDirectiveDecl *) {
      return !(Found = true);
    }
    bool VisitNamespaceAliasDecl(NamespaceAliasDecl *) {
      return !(Found = true);
    }
  } Usings;
  Usings.TraverseStmt(F->getBody());
  return Usings.Found;
}

} // namespace cosm
