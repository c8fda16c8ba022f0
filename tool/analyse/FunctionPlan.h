//===- analyse/FunctionPlan.h - What an async function's frame holds -*- C++
//-*-===//
///
/// \file
/// The second stage: for one COSM_ASYNC definition, decides which locals
/// live across a suspension (they move into the frame), what they are called
/// there, and how references to them and to the enclosing object read in the
/// generated resume(). It also rejects what cannot be lowered. The emitter
/// asks the plan; it never analyses the AST itself.
///
//===----------------------------------------------------------------------===//
#ifndef COSM_ANALYSE_FUNCTIONPLAN_H
#define COSM_ANALYSE_FUNCTIONPLAN_H

#include "support/SourceText.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/LambdaCapture.h"
#include "clang/AST/Stmt.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringSet.h"
#include <initializer_list>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

namespace cosm {

/// How a value that lives across a suspension is stored in the frame.
enum class Storage {
  Plain,   ///< an ordinary member, assigned where the source initialises it
  Object,  ///< a union member, constructed in place and destroyed explicitly
  Pointer, ///< a reference: the frame stores a pointer to its referent
  Ref,     ///< a reference parameter, stored as a reference
};

/// A parameter or local of the function, as a member of the frame.
struct FrameVar {
  const clang::VarDecl *Decl = nullptr;
  std::string Name; ///< the member's name: the source name unless taken
  std::string Type; ///< the member's type (for Pointer, the referent's)
  Storage Store = Storage::Plain;
  int LiveBit = -1; ///< for Object with a destructor: its bit in `live`
  /// A local no suspension follows in its scope, kept in the frame only so
  /// that it is destroyed in order with the frame objects around it.
  bool Guarded = false;
  /// For an async lambda: the capture this member copies (or refers to).
  const clang::LambdaCapture *Capture = nullptr;
  /// For a generic lambda: a parameter declared with `auto`, whose frame
  /// member has a template parameter for its exact declared type.
  bool Generic = false;
  /// For a function parameter pack: the frame's std::tuple that holds it
  /// (Type is the pack's pattern). resume() unpacks it into a pack of the
  /// source's name for the body.
  std::string PackMember;
  /// A local's `alignas`, as the member's declaration repeats it.
  std::string Align;
  /// An `auto` local whose type a template parameter decides: the
  /// expression that names it (its initialiser, or for a range-for's
  /// variable the range). Type is filled from it once references to the
  /// frame's members are rewritten.
  const clang::Expr *DeducedFrom = nullptr;
  bool DeducedElement = false; ///< DeducedFrom is a range: the element's
};

/// A plain lambda kept in a local across a suspension. Its closure type has
/// no name a frame member could use (C++17 has no lambda in `decltype`), so
/// it is lifted into a named function object nested in the frame: its
/// captures become members, its body the call operator's.
struct LiftedClosure {
  const clang::VarDecl *Local = nullptr;
  const clang::LambdaExpr *Lambda = nullptr;
  std::string Name; ///< the struct's name
  std::string Code; ///< its definition
};

/// What a reference's initialiser binds to, under the nodes that only say
/// how (a MaterializeTemporaryExpr when it extends a temporary's life).
const clang::Expr *boundExpr(const clang::Expr *Init);

/// False if \p Type is a class whose copy constructor is deleted (declared
/// so, or implicitly: a std::unique_ptr member).
bool copyable(clang::QualType Type);
/// False if \p Type is a class that can be neither moved nor copied.
bool movable(clang::QualType Type);

/// The statement under \p S's `case`, `default` and goto labels.
const clang::Stmt *underLabels(const clang::Stmt *S);

/// What the plan of one function needs to know of the file around it.
struct FileContext {
  /// The frame struct's name, unique in the translation unit.
  std::string FrameName;
  /// Async functions defined earlier in the file whose frames this frame
  /// can hold (their size is known here), by canonical declaration: the
  /// frame's name as code valid anywhere (`::ns::f_frame`).
  const std::map<const clang::FunctionDecl *, std::string> *EarlierFrames =
      nullptr;
  /// Of those, the frames this frame must not hold (it would pass the frame
  /// size limit, --max-frame-bytes): awaiting them allocates.
  const std::set<std::string> *Allocated = nullptr;
  /// Set when the function is a COSM_ASYNC lambda's call operator.
  const clang::LambdaExpr *Lambda = nullptr;
  /// The lambda's name in messages and call graphs (`main()::lambda`).
  std::string LambdaName;
  /// The lambda is in an out-of-line member of a class from another file:
  /// its frame is a local class of that member too (FunctionPlan::LocalFrame).
  bool LocalLambda = false;
};

/// The class among \p Classes that \p Type holds by value (itself, an array
/// of it, a template argument of it); none for what C++17 lets hold an
/// incomplete type (std::vector, std::list, smart pointers).
const clang::CXXRecordDecl *
holdsByValue(clang::QualType Type,
             llvm::ArrayRef<const clang::CXXRecordDecl *> Classes);

/// True if \p D is an out-of-line member function of a class written in
/// another file than the main one: the frames it holds are local classes.
bool isHeaderClassMember(const clang::Decl *D, const clang::SourceManager &SM);

/// Names the generated code uses inside the frame (its base class's
/// members, its own helpers): a local of the same name must be renamed, and
/// a type of the same name is qualified.
inline constexpr const char *BaseNames[] = {
    "state",         "resume",       "unwind", "function_name", "await_point",
    "awaited_frame", "return_value", "finish", "cosm",          "std"};

/// Members of the frame's bases that a body's name can resolve to instead of
/// the user's: a reference to such a name is qualified.
inline constexpr const char *HiddenNames[] = {
    "started",   "frame_storage", "frame_granules", "StoredOutcome", "Frame",
    "FrameBase", "Step"};

/// True if \p Name is one of BaseNames or HiddenNames, other than the
/// namespaces `std` and `cosm`: a name a frame member would hide.
inline bool isBaseName(llvm::StringRef Name) {
  return Name != "std" && Name != "cosm" &&
         (llvm::is_contained(BaseNames, Name) ||
          llvm::is_contained(HiddenNames, Name));
}

/// \p Stem, or `Stem_2`, `Stem_3`... : the first name not in \p Taken, which
/// it joins.
std::string uniqueName(llvm::StringSet<> &Taken, llvm::StringRef Stem);

/// True if \p Type is or contains an `auto` that a template parameter
/// decides (Clang leaves it undeduced in the template).
bool dependentAuto(clang::QualType Type);

/// The lambda \p Init is, under the nodes that copy or bind it.
const clang::LambdaExpr *lambdaIn(const clang::Expr *Init);

/// True if \p S contains a lambda expression (C++17 allows none in
/// `decltype`).
bool containsLambda(const clang::Stmt *S);

/// \p L's captures, explicit and implicit. In a template also those Clang
/// leaves to the instantiations (analyse/Captures.cpp).
std::vector<clang::LambdaCapture> capturesOf(const clang::LambdaExpr *L);

class FunctionPlan;

/// Edits \p Body's references in \p Text as \p Plan's frame needs them:
/// frame members, the self pointer, local types named from outside
/// (analyse/References.cpp). False after an error was reported.
bool rewriteReferences(const FunctionPlan &Plan, const clang::Stmt *Body,
                       EditedText &Text, const llvm::StringSet<> &MemberNames,
                       clang::DiagnosticsEngine &Diags);

/// The member function whose `this` a lambda in it captures, if any.
const clang::CXXMethodDecl *enclosingMember(const clang::LambdaExpr *L);

/// True if \p D is a `constexpr` local, or a const one usable in constant
/// expressions: it stays in resume(), as a static.
bool isConstantLocal(const clang::VarDecl *D, const clang::ASTContext &Context);

class FunctionPlan {
public:
  /// Analyses \p F; null after reporting why it cannot be lowered. The
  /// plan is complete then, and read-only.
  static std::unique_ptr<FunctionPlan> build(const clang::FunctionDecl *F,
                                             clang::ASTContext &Context,
                                             EditedText &Text,
                                             const FileContext &File);

  const clang::FunctionDecl *function() const { return F; }
  /// True if \p S contains a `cosm::await` (outside lambdas).
  bool containsAwait(const clang::Stmt *S) const;
  /// The frame member for \p D, or null if it is an ordinary local.
  const FrameVar *frameVar(const clang::VarDecl *D) const;
  /// The names the function, its frame's base and its members use, and the
  /// frame types the generated code names: what a new member must avoid.
  const llvm::StringSet<> &takenNames() const { return Taken; }

  /// `T` of the returned `cosm::Coro<T>`, as code.
  std::string ResultType;
  /// The same where the parameters are in scope (the function's body):
  /// as written, where ResultType has declvals for the parameters it names.
  std::string CallResultType;
  /// The frame struct's name, and the function's name for messages.
  std::string FrameName;
  std::string DisplayName;
  /// `Class::` when the frame of an out-of-line member is defined outside
  /// its class (a declaration goes into the class).
  std::string FrameQualifier;
  /// For a COSM_ASYNC lambda in a member defined out of line (not in a
  /// header's class): that member, whose class declares the lambda's frame.
  const clang::CXXMethodDecl *OutOfLineMember = nullptr;
  /// For an out-of-line member whose class is defined in another file (a
  /// header the lowering does not edit): the frame is a class local to the
  /// member's body, which has the member's access to the class.
  bool LocalFrame = false;
  /// For a non-static member function: the class, as code (with const).
  std::string SelfType;
  /// For a function template: `template <class T>` and `<T>`, which the
  /// frame (a class template) repeats.
  std::string TemplateHeader;
  std::string TemplateArgs;
  /// A generic lambda in a variadic template: its own parameters go first,
  /// at these offsets of TemplateHeader and TemplateArgs.
  bool OwnParamsFirst = false;
  std::pair<size_t, size_t> OwnParamAt;
  /// For an out-of-line member of a class template: the class's
  /// `template <class T>`, which the frame's definition repeats (the
  /// signature as written carries it already).
  std::string OuterHeaders;
  /// The frame's pointer to the object (members) and its bitset of live
  /// objects: `self` and `live` unless the function uses those names.
  std::string SelfName;
  std::string LiveName;
  /// For a COSM_ASYNC lambda that captures `this`: how its body names the
  /// object, `this`, or in a lowered member the name the capture becomes
  /// (the member's frame's `self`).
  std::string LambdaSelf;
  /// For a COSM_ASYNC lambda that captures `*this`: the frame holds its own
  /// copy of the object (a cosm::ThisCopy, which `self->` reaches), made
  /// when the lambda is called, as the frame copies the other captures.
  bool SelfCopy = false;
  /// The frame's name for its object, as analyse() picks it for \p F.
  static std::string selfNameFor(const clang::FunctionDecl *F);
  /// For a COSM_ASYNC lambda: the lambda. Its captures come first among the
  /// frame's parameters; its body becomes a call that creates the frame.
  const clang::LambdaExpr *Lambda = nullptr;
  /// Its captures (capturesOf()), which Params' Capture point into.
  std::vector<clang::LambdaCapture> LambdaCaptures;
  /// The frame's base depends on a template parameter: its members need
  /// using-declarations, and `make` the `template` keyword.
  bool Dependent = false;
  /// See FileContext.
  const std::map<const clang::FunctionDecl *, std::string> *EarlierFrames =
      nullptr;
  const std::set<std::string> *Allocated = nullptr;
  /// With a parameter pack: the function resume() calls with the pack.
  std::string PackResume;
  std::vector<FrameVar> Params;
  std::vector<FrameVar> Locals;
  std::vector<LiftedClosure> Closures;
  int LiveBits = 0;
  bool Suspends = false;
  /// Constant locals a resumption may jump past: made `static` in
  /// resume(), which is what makes the jump valid.
  llvm::DenseSet<const clang::VarDecl *> StaticConstants;
  /// The body has using-declarations or -directives: types as written may
  /// not mean the same at the frame's scope.
  bool UsesNames = false;
  /// A parameter's or local's type names a type declared in the function:
  /// the function's types move into the frame struct.
  bool NamesLocalType = false;

  /// \p E as code valid in `decltype` at the frame's scope: the members'
  /// names, and a use of the parameter pack (a tuple in the frame) as a
  /// `std::declval` of its type.
  std::string unevaluated(const clang::Expr *E) const;
  static bool namesAutoParameter(clang::QualType Type);

  /// Prints \p Type as code valid at the frame's scope; sets \p NamesLocal
  /// if it names a type declared in the function.
  std::string typeText(clang::QualType Type, bool *NamesLocal = nullptr) const;

  /// A lambda lifted into a named function object (see LiftedClosure): the
  /// struct's definition, and the expression that makes the object.
  struct Lifted {
    std::string Code;
    std::string Init;
  };
  /// True if \p L can be lifted; else reports why, after \p What.
  bool canLift(const clang::LambdaExpr *L, llvm::StringRef What) const;
  /// Lifts \p L into the struct \p Name; \p Fresh names its template
  /// parameters. Sets \p NamesLocal as typeText() does.
  Lifted lift(const clang::LambdaExpr *L, const std::string &Name,
              llvm::function_ref<std::string(llvm::StringRef)> Fresh,
              bool *NamesLocal) const;

private:
  FunctionPlan(const clang::FunctionDecl *F, clang::ASTContext &Context,
               EditedText &Text)
      : F(F), Context(Context), Text(Text) {}
  /// Fills the plan in the order each step needs (analyse/FunctionPlan.cpp);
  /// false after an error was reported.
  bool analyse(const FileContext &File);
  void planParameters(const llvm::StringSet<> &Reserved);
  bool planLocals(const llvm::StringSet<> &Types);
  bool rewriteBody();
  bool placeFrame(const FileContext &File);

  // Refusals (analyse/Refusals.cpp): false after an error was reported.
  bool checkSignature(clang::QualType Result);
  bool checkHeldClasses() const;
  bool checkBody(const clang::Stmt *Body) const;

  // Names (analyse/Names.cpp).
  /// What the body, the parameters and the template parameters around \p F
  /// name, and the frame's base: what its members must not be called.
  static llvm::StringSet<> namesUsed(const clang::FunctionDecl *F);
  /// The types the frame names: a member of one of those names would hide
  /// the type from the rest of the frame (`Config Config;`).
  llvm::StringSet<> typeNames() const;
  /// Adds the names a frame nesting the body's local types declares.
  void addLocalTypeNames(llvm::StringSet<> &Names) const;
  /// True if the body has a using-declaration, a using-directive or a
  /// namespace alias, whose names mean nothing at the frame.
  bool namesThroughUsing() const;
  bool planLambda(const llvm::StringSet<> &Base);
  bool inheritTemplate();
  bool inheritOutOfLine();
  /// Sets TemplateHeader to \p Params as written and TemplateArgs to their
  /// names (`<T, Ts...>`); false, reported at \p Where, if a macro spells
  /// the header.
  void addTemplateParameter(const std::string &Param, const std::string &Arg);
  std::string classType(const clang::CXXRecordDecl *Class);
  std::string classQualifier(const clang::CXXMethodDecl *M);
  bool repeatTemplate(const clang::TemplateParameterList *Params,
                      clang::SourceLocation Where);
  bool checkLambdaTypes();
  std::string resultNamingParameters();
  std::string freshName(llvm::StringRef Stem);
  int allocateLiveBit() { return LiveBits++; }
  /// typeText() for a member the plan itself declares.
  std::string memberType(clang::QualType Type) {
    return typeText(Type, &NamesLocalType);
  }
  void hoistScope(const clang::Stmt *S, bool Guarded = false);
  bool hoistDecls(const clang::Stmt *S, bool Guarded);
  void hoistCondition(const clang::Stmt *Decls, bool &Guarded,
                      std::initializer_list<const clang::Stmt *> Rest);
  void hoist(const clang::VarDecl *D, const clang::Expr *Range = nullptr);
  bool deduced(FrameVar &V, const clang::Expr *Range);
  void typeDeduced();
  std::string writtenType(const clang::VarDecl *D, bool Referent);
  std::string closureType(const clang::VarDecl *D);
  std::string liftClosure(const clang::VarDecl *D);
  bool checkClosures();
  void printClosures();

  const clang::FunctionDecl *F;
  clang::ASTContext &Context;
  EditedText &Text;
  mutable llvm::DenseMap<const clang::Stmt *, bool> AwaitMemo;
  llvm::DenseMap<const clang::VarDecl *, unsigned> LocalIndex;
  llvm::DenseMap<const clang::VarDecl *, unsigned> ParamIndex;
  llvm::StringSet<> Taken;
  bool Failed = false;
};

} // namespace cosm

#endif // COSM_ANALYSE_FUNCTIONPLAN_H
