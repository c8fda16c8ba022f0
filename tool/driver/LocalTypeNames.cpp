//===- driver/LocalTypeNames.cpp - Local types declared twice -------------===//
//
// One pass over the main file finds the types and unscoped enumerators
// declared directly in each function; only a COSM_ASYNC function with two of
// one name (or one named like a variable of the function or a member of the
// frame's bases) is rewritten: the later ones get the suffix a shadowed local
// gets, at every token that names them (the declaration, its constructors and
// destructor, each use).
//
//===----------------------------------------------------------------------===//

#include "driver/LocalTypeNames.h"
#include "analyse/FunctionPlan.h"
#include "driver/MainFileVisitor.h"
#include "find/AsyncFinder.h"
#include "support/Diagnostics.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "clang/Tooling/Core/Replacement.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/MapVector.h"
#include "llvm/ADT/StringSet.h"

using namespace clang;

namespace cosm {
namespace {

/// The types (first declarations) and unscoped enumerators each function of
/// the main file declares in its own scopes, in source order.
struct LocalTypes : MainFileVisitor<LocalTypes> {
  llvm::MapVector<const FunctionDecl *, std::vector<const NamedDecl *>> Found;
  llvm::DenseMap<const FunctionDecl *, llvm::StringSet<>> Variables;
  using MainFileVisitor::MainFileVisitor;
  bool VisitTypeDecl(TypeDecl *D) {
    const auto *F = dyn_cast<FunctionDecl>(D->getDeclContext());
    if (F && D->getIdentifier() && !isa<TemplateTypeParmDecl>(D) &&
        D->isFirstDecl() &&
        !(isa<CXXRecordDecl>(D) && cast<CXXRecordDecl>(D)->isLambda()))
      Found[F].push_back(D);
    return true;
  }
  // The frame's members are named after the variables, which keep their
  // names: a type or enumerator of that name must give way.
  bool VisitVarDecl(VarDecl *D) { return claim(D); }
  bool VisitBindingDecl(BindingDecl *D) { return claim(D); }
  // An unscoped enum's enumerators are names of the enclosing scope too.
  bool VisitEnumConstantDecl(EnumConstantDecl *D) {
    const auto *Enum = cast<EnumDecl>(D->getDeclContext());
    const auto *F = dyn_cast<FunctionDecl>(Enum->getDeclContext());
    if (F && !Enum->isScoped())
      Found[F].push_back(D);
    return true;
  }

private:
  bool claim(const ValueDecl *D) {
    if (const auto *F = dyn_cast<FunctionDecl>(D->getDeclContext()))
      if (D->getIdentifier())
        Variables[F].insert(D->getName());
    return true;
  }
};

/// Every identifier spelled in \p Range: a new name must be none of them.
llvm::StringSet<> identifiersIn(SourceRange Range, const SourceManager &SM,
                                const LangOptions &Lang) {
  llvm::StringSet<> Names;
  CharSourceRange Chars = CharSourceRange::getTokenRange(
      SM.getExpansionRange(Range.getBegin()).getBegin(),
      SM.getExpansionRange(Range.getEnd()).getEnd());
  StringRef Text = Lexer::getSourceText(Chars, SM, Lang);
  Lexer Lex(Chars.getBegin(), Lang, Text.begin(), Text.begin(), Text.end());
  Token Tok;
  while (!Lex.LexFromRawLexer(Tok))
    if (Tok.is(tok::raw_identifier))
      Names.insert(Tok.getRawIdentifier());
  if (Tok.is(tok::raw_identifier))
    Names.insert(Tok.getRawIdentifier());
  return Names;
}

/// Renames the tokens that name the renamed types and enumerators, in one
/// function.
class Renamer : public RecursiveASTVisitor<Renamer> {
public:
  Renamer(ASTContext &Context,
          const llvm::DenseMap<const Decl *, std::string> &NewNames,
          tooling::Replacements &Edits)
      : Context(Context), SM(Context.getSourceManager()), NewNames(NewNames),
        Edits(Edits) {}
  bool Failed = false;

  bool shouldVisitTemplateInstantiations() const { return false; }
  bool shouldVisitImplicitCode() const { return false; }

  bool VisitTypeDecl(TypeDecl *D) { return rename(D, D->getLocation()); }
  bool VisitTagTypeLoc(TagTypeLoc TL) {
    return rename(TL.getDecl(), TL.getNameLoc());
  }
  bool VisitInjectedClassNameTypeLoc(InjectedClassNameTypeLoc TL) {
    return rename(TL.getDecl(), TL.getNameLoc());
  }
  bool VisitTypedefTypeLoc(TypedefTypeLoc TL) {
    return rename(TL.getTypePtr()->getDecl(), TL.getNameLoc());
  }
  bool VisitEnumConstantDecl(EnumConstantDecl *D) {
    return rename(D, D->getLocation());
  }
  bool VisitDeclRefExpr(DeclRefExpr *E) {
    return rename(E->getDecl(), E->getLocation());
  }
  // A constructor's or destructor's name is the class's (after a `~`).
  bool VisitCXXConstructorDecl(CXXConstructorDecl *D) {
    return D->isImplicit() || rename(D->getParent(), D->getLocation());
  }
  bool VisitCXXDestructorDecl(CXXDestructorDecl *D) {
    return D->isImplicit() || rename(D->getParent(), D->getLocation());
  }

private:
  /// Renames the identifier at (or, after a `~`, just past) \p Loc if it
  /// names \p D, a renamed type or enumerator.
  bool rename(const Decl *D, SourceLocation Loc) {
    auto New = NewNames.find(D->getCanonicalDecl());
    if (New == NewNames.end() || Loc.isInvalid())
      return true;
    StringRef Old = cast<NamedDecl>(D)->getName();
    // One token can be the name of two type locations (an elaborated type
    // and the type it names, in LLVM 22).
    if (!Done.insert(Loc.getRawEncoding()).second)
      return true;
    if (Loc.isMacroID()) {
      report(Context.getDiagnostics(), Loc, Diag::InMacro,
             ("'" + Old +
              "', the name of two local types or enumerators of the function,")
                 .str());
      Failed = true;
      return true;
    }
    const LangOptions &Lang = Context.getLangOpts();
    Token Tok;
    if (Lexer::getRawToken(Loc, Tok, SM, Lang))
      return true;
    if (Tok.is(tok::tilde)) {
      Loc = Lexer::findNextToken(Loc, SM, Lang)->getLocation();
      if (Lexer::getRawToken(Loc, Tok, SM, Lang))
        return true;
    }
    if (!Tok.is(tok::raw_identifier) || Tok.getRawIdentifier() != Old)
      return true;
    llvm::consumeError(Edits.add(tooling::Replacement(
        SM.getFilename(Loc), SM.getFileOffset(Loc), Old.size(), New->second)));
    return true;
  }

  ASTContext &Context;
  const SourceManager &SM;
  const llvm::DenseMap<const Decl *, std::string> &NewNames;
  tooling::Replacements &Edits;
  llvm::DenseSet<SourceLocation::UIntTy> Done;
};

} // namespace

TypeRenames renameLocalTypes(ASTContext &Context) {
  const SourceManager &SM = Context.getSourceManager();
  LocalTypes Find(SM);
  Find.TraverseDecl(Context.getTranslationUnitDecl());
  TypeRenames Result;
  tooling::Replacements Edits;
  for (const auto &[F, Types] : Find.Found) {
    const llvm::StringSet<> &Variables = Find.Variables[F];
    llvm::StringSet<> Seen;
    std::vector<const NamedDecl *> Later;
    // A type named like a member of the frame's bases (`state`) would hide
    // it in the frame, where local types nest: it gives way too.
    for (const NamedDecl *T : Types)
      if (!Seen.insert(T->getName()).second ||
          Variables.contains(T->getName()) || isBaseName(T->getName()))
        Later.push_back(T);
    if (Later.empty() || !isAsync(F))
      continue;
    llvm::StringSet<> Taken =
        identifiersIn(F->getSourceRange(), SM, Context.getLangOpts());
    llvm::DenseMap<const Decl *, std::string> NewNames;
    for (const NamedDecl *T : Later) {
      std::string Name;
      for (unsigned N = 2; Name.empty() || Taken.contains(Name); ++N)
        Name = (T->getName() + "_" + llvm::Twine(N)).str();
      Taken.insert(Name);
      NewNames[T->getCanonicalDecl()] = Name;
    }
    Renamer Rename(Context, NewNames, Edits);
    Rename.TraverseDecl(const_cast<FunctionDecl *>(F));
    Result.Failed |= Rename.Failed;
  }
  if (Result.Failed || Edits.empty())
    return Result;
  auto Text = tooling::applyAllReplacements(
      SM.getBufferData(SM.getMainFileID()), Edits);
  if (Text)
    Result.Text = std::move(*Text);
  else
    llvm::consumeError(Text.takeError());
  return Result;
}

} // namespace cosm
