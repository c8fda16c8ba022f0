//===- driver/CosmLower.cpp - The cosm-lower command ----------------------===//
///
/// \file
/// Options, the ClangTool run (or LibTooling's all-TUs executor over a whole
/// compilation database), and where the lowered source goes. To standard
/// output or -o, nothing is written unless every input lowered without an
/// error, so a failed run never touches an existing output file. With
/// --output-dir each input is on its own: one that fails writes nothing, the
/// others are written, and the exit status says that one failed.
///
//===----------------------------------------------------------------------===//

#include "cosm-lower/Config.h"
#include "driver/LowerAction.h"
#include "driver/OutputChecks.h"
#include "driver/OutputFiles.h"
#include "driver/SelfCheck.h"
#include "emit/Output.h"
#include "report/HtmlReport.h"
#include "report/StateGraph.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Tooling/AllTUsExecution.h"
#include "clang/Tooling/CommonOptionsParser.h"
#include "clang/Tooling/Execution.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Regex.h"
#include "llvm/Support/raw_ostream.h"
#include <algorithm>
#include <optional>

using namespace clang;
using namespace llvm;

static cl::OptionCategory Category("cosm-lower options");

static cl::opt<std::string>
    OutputFile("o",
               cl::desc("Write the lowered source to <file> (one input "
                        "only; default: standard output)"),
               cl::value_desc("file"), cl::cat(Category));

static cl::opt<std::string> OutputDir(
    "output-dir",
    cl::desc("Write each input's output to <dir>/<name>.lowered.cpp (<name>: "
             "the input's file name without its extension; .dot, .html or "
             ".model with --emit); an input that fails writes nothing, the "
             "others are written"),
    cl::value_desc("dir"), cl::cat(Category));

static cl::opt<std::string>
    FormatStyle("style",
                cl::desc("clang-format style of the generated code: LLVM, "
                         "Google, ..., or 'file' to use the nearest "
                         ".clang-format (default: LLVM)"),
                cl::init("LLVM"), cl::cat(Category));

static cl::opt<std::string> DepFile(
    "depfile",
    cl::desc("Also write the files the input depends on (itself and the "
             "non-system headers it includes) as a Make rule for the -o "
             "file, for build systems' DEPFILE"),
    cl::value_desc("file"), cl::cat(Category));

namespace {
enum class EmitKind { Cpp, Dot, Html, Model };
} // namespace

static cl::opt<EmitKind> Emit(
    "emit", cl::desc("What to write (default: cpp)"),
    cl::values(clEnumValN(EmitKind::Cpp, "cpp", "the lowered source"),
               clEnumValN(EmitKind::Dot, "dot",
                          "the state machine of each async function, as "
                          "Graphviz DOT (one digraph, a cluster per "
                          "function)"),
               clEnumValN(EmitKind::Html, "html",
                          "one self-contained page: source and lowered "
                          "code side by side, linked, and the state graph "
                          "(needs Graphviz's dot)"),
               clEnumValN(EmitKind::Model, "model",
                          "the lowering model of each async function, as "
                          "text: what its frame holds and why, its states, "
                          "and what each way out destroys")),
    cl::init(EmitKind::Cpp), cl::cat(Category));

static cl::opt<bool> LineDirectives(
    "line-directives",
    cl::desc("Emit #line directives so that compiler errors and debugger "
             "steps in the lowered code point at the input's lines "
             "(--emit=cpp)"),
    cl::cat(Category));

static cl::opt<bool> Verify(
    "verify",
    cl::desc("Parse the lowered source with the input's compiler arguments "
             "before writing it (--emit=cpp or html); if it does not "
             "compile (a cosm-lower bug), report an error at the input's "
             "line and write nothing"),
    cl::cat(Category));

static cl::opt<uint64_t> MaxFrameBytes(
    "max-frame-bytes",
    cl::desc("A frame holds the frame of a coroutine of the file it awaits "
             "(no allocation) only while its own size stays at most <n> "
             "bytes, as Clang computes it; beyond, the child's frame is "
             "allocated, and a frame over the limit gets a remark (default: "
             "1024)"),
    cl::value_desc("n"), cl::init(1024), cl::cat(Category));

static cl::extrahelp CommonHelp(tooling::CommonOptionsParser::HelpMessage);
static cl::extrahelp MoreHelp(R"(
cosm-lower rewrites each COSM_ASYNC function of the input into a frame
struct with a resume callback. The output is the same translation unit,
unchanged elsewhere; compile it against the cosm runtime:

  cosm-lower prog.cpp -o lowered.cpp -- -std=c++17
  g++ -std=c++17 lowered.cpp $(pkg-config --cflags --libs cosm)

To look at the state machines instead:

  cosm-lower --emit=dot prog.cpp | dot -Tsvg -o prog.svg
  cosm-lower --emit=html prog.cpp -o prog.html
  cosm-lower --emit=model prog.cpp
)");

namespace {

using cosm::LowerActionFactory;
using cosm::Lowered;
using cosm::ResultMap;

/// --max-frame-bytes, and whether the reports list every frame's size.
cosm::FrameLimit frameLimit() {
  return {MaxFrameBytes, Emit == EmitKind::Model || Emit == EmitKind::Html};
}

/// What --emit asks for, made from one lowered input (all of it, before
/// anything is written); none after reporting an error.
std::optional<std::string> content(const cosm::LoweredFile &File,
                                   StringRef Source) {
  switch (Emit) {
  case EmitKind::Cpp:
    return File.Lowered;
  case EmitKind::Dot:
    return cosm::renderDot(File.Graphs, Source);
  case EmitKind::Html: {
    auto Svg =
        cosm::drawSvg(cosm::renderDot(File.Graphs, Source, /*NodeLinks=*/true));
    if (!Svg) {
      errs() << "cosm-lower: error: " << toString(Svg.takeError()) << "\n";
      return std::nullopt;
    }
    return cosm::renderHtml(Source, File, *Svg);
  }
  case EmitKind::Model: {
    std::string Text =
        "// cosm-lower --emit=model: " + sys::path::filename(Source).str() +
        "\n";
    for (const std::string &Dump : File.Models)
      Text += "\n" + Dump;
    // Clang's sizeof of each generated frame struct, with what it holds.
    Text += "\nFrame sizes (sizeof, by Clang; --max-frame-bytes=" +
            std::to_string(MaxFrameBytes) + ")\n";
    for (const cosm::FrameSize &Frame : File.Frames) {
      Text +=
          "  " + Frame.Name + ": " +
          (Frame.Bytes ? std::to_string(Frame.Bytes) + " bytes"
                       : std::string("unknown (a template, or not measured)"));
      if (Frame.OverLimit)
        Text += ", over the limit";
      if (!Frame.Slot.empty())
        Text += ", holds " + llvm::join(Frame.Slot, ", ");
      Text += "\n";
    }
    return Text;
  }
  }
  llvm_unreachable("unknown --emit kind");
}

/// cosm's headers: beside the installed tool, else in the source tree.
std::string cosmIncludeDir(const char *Argv0) {
  std::string Exe = sys::fs::getMainExecutable(Argv0, (void *)&cosmIncludeDir);
  SmallString<256> Installed(sys::path::parent_path(Exe));
  sys::path::append(Installed, COSM_BIN_TO_INCLUDE_DIR);
  sys::path::remove_dots(Installed, /*remove_dot_dot=*/true);
  SmallString<256> Header(Installed);
  sys::path::append(Header, "cosm", "cosm.hpp");
  if (sys::fs::exists(Header))
    return std::string(Installed);
  return COSM_SOURCE_INCLUDE_DIR;
}

/// Clang's builtin headers: the resource directory of the Clang cosm-lower
/// was built with.
std::string resourceDir() { return COSM_CLANG_RESOURCE_DIR; }

/// What the driver adds to the compile command: for lowering, or for
/// --verify's parse of the output (no COSM_LOWERING, no warnings).
tooling::ArgumentsAdjuster adjustments(const char *Argv0, bool Lowering) {
  // C++17 unless the compile command says otherwise; cosm::await resolves
  // to the declarations meant for analysis.
  std::vector<std::string> Begin = {"-std=c++17"};
  if (Lowering)
    Begin.push_back("-DCOSM_LOWERING=1");
  // Last, so that a -Wall in the compile command does not bring back the
  // warning every async function would get (it returns no Coro; the
  // lowering checks the returns itself, analyse/ReturnCheck).
  std::vector<std::string> End = {"-resource-dir=" + resourceDir(),
                                  "-I" + cosmIncludeDir(Argv0)};
  // COSM_ASYNC on a lambda stands where C++23 puts a lambda's attributes.
  if (Lowering)
    End.insert(End.end(), {"-Wno-return-type", "-Wno-c++23-lambda-attributes"});
  else // no "N errors generated." either
    End.insert(End.end(), {"-w", "-fno-caret-diagnostics"});
  return tooling::combineAdjusters(
      tooling::getInsertArgumentAdjuster(
          Begin, tooling::ArgumentInsertPosition::BEGIN),
      tooling::getInsertArgumentAdjuster(End,
                                         tooling::ArgumentInsertPosition::END));
}

/// True if the compiler arguments (after `--`) ask for Clang's -verify.
bool clangVerifies(ArrayRef<const char *> Args) {
  auto Dashes = llvm::find_if(
      Args, [](const char *Arg) { return StringRef(Arg) == "--"; });
  return std::any_of(Dashes, Args.end(), [](StringRef Arg) {
    return Arg == "-verify" || Arg.starts_with("-verify=");
  });
}

/// --verify: false, after reporting the first error at the input's line, if
/// the lowered \p Source does not compile.
bool selfCheck(const tooling::CompilationDatabase &Database, StringRef Source,
               const Lowered &Result, const format::FormatStyle &Style,
               const cosm::LowerOptions &Options, const char *Argv0) {
  auto Error = cosm::compileLowered(Database, Source, Result.Result.Lowered,
                                    adjustments(Argv0, false));
  if (!Error)
    return true;
  if (!Options.LineDirectives) {
    // The output does not say which input line its lines come from: lower
    // again with #line directives (a cost paid only on failure) to find out.
    Error->InputLine = 0;
    cosm::LowerOptions Lines = Options;
    Lines.LineDirectives = true;
    Lines.StateGraphs = false;
    ResultMap Again;
    LowerActionFactory Factory(Again, Style, Lines, frameLimit());
    tooling::ClangTool Tool(Database, {Source.str()});
    Tool.appendArgumentsAdjuster(adjustments(Argv0, true));
    IgnoringDiagConsumer Quiet; // the first run printed them
    Tool.setDiagnosticConsumer(&Quiet);
    if (Tool.run(&Factory) == 0 && Again.size() == 1)
      if (auto Mapped = cosm::compileLowered(
              Database, Source, Again.begin()->second.Result.Lowered,
              adjustments(Argv0, false)))
        Error->InputLine = Mapped->InputLine;
  }
  cosm::reportLoweredError(Source, *Error);
  return false;
}

/// Writes \p Content to -o (and the depfile), or prints it.
bool writeOutput(StringRef Content, const Lowered &Result) {
  if (OutputFile.empty()) {
    outs() << Content;
    return true;
  }
  return cosm::writeFile(OutputFile, Content, DepFile, Result.Dependencies);
}

/// --output-dir: where \p Source's output goes.
std::string outputPath(StringRef Source) {
  StringRef Extension = Emit == EmitKind::Cpp    ? ".lowered.cpp"
                        : Emit == EmitKind::Dot  ? ".dot"
                        : Emit == EmitKind::Html ? ".html"
                                                 : ".model";
  SmallString<256> Path(OutputDir);
  sys::path::append(Path, sys::path::stem(Source) + Extension);
  return std::string(Path);
}

std::vector<std::string> outputPaths(ArrayRef<std::string> Sources) {
  std::vector<std::string> Paths;
  for (const std::string &Source : Sources)
    Paths.push_back(outputPath(Source));
  return Paths;
}

} // namespace

int main(int argc, const char **argv) {
  cl::SetVersionPrinter([](raw_ostream &OS) {
    OS << "cosm-lower " << COSM_VERSION << " (LLVM " << LLVM_VERSION_STRING
       << ")\n";
  });
  // Without a compilation database (-p) or `--`, lower with the default
  // flags instead of searching for compile_commands.json.
  std::vector<const char *> Args(argv, argv + argc);
  bool HasDatabase = false;
  for (StringRef Arg : ArrayRef<const char *>(argv, argc))
    if (Arg == "--" || Arg == "-p" || Arg.starts_with("-p=") ||
        Arg.starts_with("--p=") || Arg.ends_with("executor=all-TUs"))
      HasDatabase = true;
  if (!HasDatabase)
    Args.push_back("--");
  int ArgCount = Args.size();
  // Zero sources is valid for the all-TUs executor (it takes the database's
  // files); for the standalone run it is refused below.
  auto Parser = tooling::CommonOptionsParser::create(ArgCount, Args.data(),
                                                     Category, cl::ZeroOrMore);
  if (!Parser) {
    errs() << toString(Parser.takeError());
    return 1;
  }
  // LibTooling's own --executor option: the standalone run (the default) or
  // --executor=all-TUs, every file of the -p database, on
  // --execute-concurrency threads, those that match --filter.
  // (The names the executor plugins are registered under.)
  bool AllTUs = tooling::ExecutorName == "all-TUs";
  if (!AllTUs && tooling::ExecutorName != "standalone") {
    errs() << "cosm-lower: error: unknown --executor '" << tooling::ExecutorName
           << "': standalone (the default) or all-TUs\n";
    return 1;
  }
  std::vector<std::string> Sources = Parser->getSourcePathList();
  // The standalone run's database is the parser's; all-TUs loads its own.
  std::unique_ptr<tooling::CompilationDatabase> AllTUsDatabase;
  if (AllTUs) {
    if (OutputDir.empty()) {
      errs() << "cosm-lower: error: --executor=all-TUs needs --output-dir\n";
      return 1;
    }
    // The database from -p <dir>, or LibTooling's own form: its path as the
    // only argument (`--executor=all-TUs build/compile_commands.json`), which
    // the parser has loaded already.
    if (Sources.size() == 1 &&
        sys::path::filename(Sources.front()) == "compile_commands.json") {
      Sources.clear();
    } else if (!Sources.empty()) {
      errs() << "cosm-lower: error: --executor=all-TUs lowers every file of "
                "the compilation database (-p): give no input file\n";
      return 1;
    } else {
      std::string BuildPath, Error;
      for (int I = 1; I < argc; ++I) {
        StringRef Arg = argv[I];
        if (Arg == "--")
          break;
        if ((Arg == "-p" || Arg == "--p") && I + 1 < argc)
          BuildPath = argv[I + 1];
        else if (Arg.consume_front("-p=") || Arg.consume_front("--p="))
          BuildPath = Arg.str();
      }
      if (!BuildPath.empty())
        AllTUsDatabase = tooling::CompilationDatabase::autoDetectFromDirectory(
            BuildPath, Error);
      if (!AllTUsDatabase) {
        errs() << "cosm-lower: error: --executor=all-TUs needs a compilation "
                  "database (-p <build dir>)"
               << (Error.empty() ? "" : ": " + Error) << "\n";
        return 1;
      }
    }
  }
  const tooling::CompilationDatabase &Database =
      AllTUsDatabase ? *AllTUsDatabase : Parser->getCompilations();
  if (AllTUs) {
    Regex Filter(tooling::Filter);
    for (const std::string &File : Database.getAllFiles())
      if (Filter.match(File))
        Sources.push_back(File);
    if (Sources.empty()) {
      errs() << "cosm-lower: error: --executor=all-TUs: no file to lower (a "
                "compilation database is given with -p <build dir>; "
                "--filter='"
             << tooling::Filter << "')\n";
      return 1;
    }
  } else if (Sources.empty()) {
    errs() << "cosm-lower: error: no input file\n";
    return 1;
  }
  // Clang would read a directory as a linker input and say nothing clear.
  for (const std::string &Source : Sources)
    if (sys::fs::is_directory(Source)) {
      errs() << "cosm-lower: error: '" << Source
             << "' is a directory, not a source file\n";
      return 1;
    }
  if (!OutputFile.empty() && !OutputDir.empty()) {
    errs() << "cosm-lower: error: -o and --output-dir exclude each other\n";
    return 1;
  }
  if (!OutputFile.empty() && Sources.size() != 1) {
    errs() << "cosm-lower: error: -o takes exactly one input file\n";
    return 1;
  }
  if (LineDirectives && Emit != EmitKind::Cpp) {
    errs() << "cosm-lower: error: --line-directives applies to the lowered "
              "source (--emit=cpp), not to --emit="
           << (Emit == EmitKind::Dot    ? "dot"
               : Emit == EmitKind::Html ? "html"
                                        : "model")
           << "\n";
    return 1;
  }
  if (Emit == EmitKind::Html && Sources.size() != 1 && OutputDir.empty()) {
    errs() << "cosm-lower: error: --emit=html writes one page per input: "
              "give one input file, or --output-dir\n";
    return 1;
  }
  if (!DepFile.empty() && OutputFile.empty()) {
    errs() << "cosm-lower: error: --depfile needs -o (the rule's target)\n";
    return 1;
  }
  auto Style = format::getStyle(FormatStyle, Sources.front(), "LLVM");
  if (!Style) {
    errs() << "cosm-lower: error: " << toString(Style.takeError()) << "\n";
    return 1;
  }

  if (!cosm::checkOutputsAgainstSources(OutputFile, DepFile, Sources))
    return 1;
  if (!OutputDir.empty() &&
      !cosm::checkOutputDir(Sources, outputPaths(Sources)))
    return 1;

  ResultMap Results;
  cosm::LowerOptions Options;
  Options.LineDirectives = LineDirectives;
  Options.StateGraphs = Emit == EmitKind::Dot || Emit == EmitKind::Html;
  Options.Models = Emit == EmitKind::Model;
  int Status = 0;
  if (AllTUs) {
    tooling::AllTUsToolExecutor Executor(Database,
                                         tooling::ExecutorConcurrency);
    // The failed files' diagnostics are printed already; the executor's
    // error only lists them.
    if (Error Failed =
            Executor.execute(std::make_unique<LowerActionFactory>(
                                 Results, *Style, Options, frameLimit()),
                             adjustments(argv[0], /*Lowering=*/true))) {
      consumeError(std::move(Failed));
      Status = 1;
    }
  } else {
    tooling::ClangTool Tool(Database, Sources);
    Tool.appendArgumentsAdjuster(adjustments(argv[0], /*Lowering=*/true));
    LowerActionFactory Factory(Results, *Style, Options, frameLimit());
    Status = Tool.run(&Factory);
  }
  // Under `-Xclang -verify` the diagnostics are the result: Clang's verifier
  // has already compared them with the expected-* comments.
  if (clangVerifies(Args))
    return Status;
  // Without --output-dir, all or nothing.
  bool EachOnItsOwn = !OutputDir.empty();
  if (!EachOnItsOwn && (Status != 0 || Results.size() != Sources.size()))
    return 1;

  // Null for an input that did not lower (its errors are printed).
  std::vector<const Lowered *> Inputs;
  for (const std::string &Source : Sources) {
    // The tool names a file as its compile command does (maybe relative to
    // the command's directory): match on the real path, first by name (a
    // database's files are absolute), then by inode.
    auto It = Results.find(Source);
    if (It == Results.end())
      It = std::find_if(Results.begin(), Results.end(), [&](const auto &R) {
        return cosm::sameFile(R.first, Source);
      });
    if (It == Results.end()) {
      if (!EachOnItsOwn) {
        errs() << "cosm-lower: error: no output for " << Source << "\n";
        return 1;
      }
      Status = 1;
      Inputs.push_back(nullptr);
      continue;
    }
    Inputs.push_back(&It->second);
  }
  // Every check passes before anything is written.
  if (!OutputFile.empty() &&
      !cosm::checkOutputsAgainstIncludes(OutputFile, DepFile, Sources.front(),
                                         Inputs.front()->Included))
    return 1;
  if (EachOnItsOwn) {
    std::vector<const std::vector<std::string> *> Included;
    for (const Lowered *In : Inputs)
      Included.push_back(In ? &In->Included : nullptr);
    if (!cosm::checkOutputDirAgainstIncludes(Sources, outputPaths(Sources),
                                             Included))
      return 1;
  }
  // --emit=dot and --emit=model write no code: nothing to check.
  bool WritesCode = Emit == EmitKind::Cpp || Emit == EmitKind::Html;
  for (size_t I = 0; Verify && WritesCode && I < Sources.size(); ++I)
    if (Inputs[I] && !selfCheck(Database, Sources[I], *Inputs[I], *Style,
                                Options, argv[0])) {
      if (!EachOnItsOwn)
        return 1;
      Status = 1;
      Inputs[I] = nullptr;
    }
  if (EachOnItsOwn && llvm::any_of(Inputs, [](auto *In) { return In; })) {
    if (std::error_code Error = sys::fs::create_directories(OutputDir)) {
      errs() << "cosm-lower: error: cannot create " << OutputDir << ": "
             << Error.message() << "\n";
      return 1;
    }
  }
  for (size_t I = 0; I < Sources.size(); ++I) {
    if (!Inputs[I])
      continue;
    std::optional<std::string> Content = content(Inputs[I]->Result, Sources[I]);
    bool Written =
        Content && (EachOnItsOwn ? cosm::writeFile(outputPath(Sources[I]),
                                                   *Content, "", {})
                                 : writeOutput(*Content, *Inputs[I]));
    if (!Written && !EachOnItsOwn)
      return 1;
    if (!Written)
      Status = 1;
  }
  return Status == 0 ? 0 : 1;
}
