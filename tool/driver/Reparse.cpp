//===- driver/Reparse.cpp - Parse new text as the main file ---------------===//

#include "driver/Reparse.h"
#include "clang/AST/ASTConsumer.h"
#include "clang/Frontend/CompilerInvocation.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Lex/PreprocessorOptions.h"
#include "llvm/Support/MemoryBuffer.h"

using namespace clang;
using namespace llvm;

namespace cosm {

namespace {
class CallbackAction : public ASTFrontendAction {
public:
  using Callback = function_ref<void(CompilerInstance &, ASTContext &)>;
  explicit CallbackAction(Callback OnAST) : OnAST(OnAST) {}
  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &CI,
                                                 StringRef) override {
    return std::make_unique<Consumer>(CI, OnAST);
  }

private:
  class Consumer : public ASTConsumer {
  public:
    Consumer(CompilerInstance &CI, Callback OnAST) : CI(CI), OnAST(OnAST) {}
    void HandleTranslationUnit(ASTContext &Context) override {
      OnAST(CI, Context);
    }

  private:
    CompilerInstance &CI;
    Callback OnAST;
  };
  Callback OnAST;
};
} // namespace

bool reparse(CompilerInstance &CI, StringRef Text, bool AsCompiled,
             DiagnosticConsumer &Client,
             function_ref<void(CompilerInstance &, ASTContext &)> OnAST,
             bool SkipBodies) {
  auto Invocation = std::make_shared<CompilerInvocation>(CI.getInvocation());
  FrontendOptions &Front = Invocation->getFrontendOpts();
  Front.SkipFunctionBodies = SkipBodies;
  if (Front.Inputs.size() != 1 || !Front.Inputs[0].isFile())
    return false;
  PreprocessorOptions &PP = Invocation->getPreprocessorOpts();
  if (AsCompiled)
    llvm::erase_if(PP.Macros, [](const std::pair<std::string, bool> &Macro) {
      return StringRef(Macro.first).starts_with("COSM_LOWERING");
    });
  StringRef Main = Front.Inputs[0].getFile();
  // An invocation that already stands for new text (an expanded input)
  // keeps its buffer with the instance that owns it.
  llvm::erase_if(PP.RemappedFileBuffers,
                 [&](const std::pair<std::string, MemoryBuffer *> &Remap) {
                   return Remap.first == Main;
                 });
  PP.addRemappedFile(Main,
                     MemoryBuffer::getMemBufferCopy(Text, Main).release());
  PP.RetainRemappedFileBuffers = false;
  DiagnosticOptions &DiagOpts = Invocation->getDiagnosticOpts();
  DiagOpts.VerifyDiagnostics = false;
  if (AsCompiled) {
    // Measuring, not compiling: no warnings, no "N errors generated."
    DiagOpts.IgnoreWarnings = true;
    DiagOpts.ShowCarets = false;
  }

  // The same files, seen from the compile command's directory. (The one
  // version check outside support/LLVMCompat.h: it would pull
  // CompilerInstance.h into every file that includes that header.)
#if LLVM_VERSION_MAJOR >= 22
  CompilerInstance Clang(std::move(Invocation), CI.getPCHContainerOperations());
  Clang.setVirtualFileSystem(CI.getFileManager().getVirtualFileSystemPtr());
  Clang.createDiagnostics(&Client, /*ShouldOwnClient=*/false);
  Clang.createFileManager();
#else
  CompilerInstance Clang(CI.getPCHContainerOperations());
  Clang.setInvocation(std::move(Invocation));
  Clang.createDiagnostics(&Client, /*ShouldOwnClient=*/false);
  Clang.createFileManager(CI.getFileManager().getVirtualFileSystemPtr());
#endif
  CallbackAction Action(OnAST);
  Clang.ExecuteAction(Action);
  return true;
}

} // namespace cosm
