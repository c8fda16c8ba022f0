//===- emit/Printer.h - The printer of one frame model ----------*- C++ -*-===//
///
/// \file
/// Private to emit/: the class behind printFrame(), whose members three
/// files share.
///
//===----------------------------------------------------------------------===//
#ifndef COSM_EMIT_PRINTER_H
#define COSM_EMIT_PRINTER_H

#include "emit/FramePrinter.h"
#include "clang/Basic/Diagnostic.h"
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace cosm {
namespace emit {

using clang::StringRef;

/// How parameter \p P, under the name \p Name, is passed on to the frame.
std::string passed(const clang::VarDecl *P, const std::string &Name);

/// Prints one FrameModel. Its members are defined in three files, by what
/// they print: ResumePrinter.cpp (resume()'s body: the operations, the
/// suspensions), FramePrinter.cpp (the frame struct around it) and
/// FunctionPrinter.cpp (the function that creates the frame).
class Printer {
public:
  Printer(const FrameModel &Model, EditedText &Text,
          clang::DiagnosticsEngine &Diags, const LineDirectives *Lines)
      : Model(Model), Plan(*Model.Plan), Text(Text), Diags(Diags),
        Lines(Lines) {}

  std::optional<PrintedFunction> run();

private:
  bool atLineStart() const { return Out.empty() || Out.back() == '\n'; }
  /// Code for \p Line: a directive first, where a line starts.
  void code(StringRef S, unsigned Line) {
    if (Lines && Line && atLineStart() && !S.empty())
      Out += Lines->directive(Line);
    Out += S;
  }
  /// Generated code that is all about one construct: every line maps to it.
  void glue(StringRef S, unsigned Line) {
    if (Lines && Line && atLineStart())
      Out += Lines->markEachLine(S, Line);
    else
      Out += S;
  }
  std::string mapped(StringRef S, unsigned Line) const {
    return Lines && Line ? Lines->markEachLine(S, Line) : S.str();
  }
  void op(const Op &O);
  std::string destroyCode(const std::string &Name, int Bit) const;
  std::string destroyIfLive(const std::string &Name, int Bit) const;
  std::string awaitComment(const Suspension &S) const;
  std::string suspend(const Suspension &S) const;
  std::string
  dispatch(const std::vector<std::pair<unsigned, std::string>> &Cases,
           bool Reset) const;
  std::string locals() const;
  std::string members() const;
  std::string wherePoints() const;
  std::string frameStruct(const std::string &Body);
  std::optional<std::string> function(const std::string &Inside);
  std::string lambdaBody();

  const FrameModel &Model;
  const FunctionPlan &Plan;
  EditedText &Text;
  clang::DiagnosticsEngine &Diags;
  const LineDirectives *Lines;
  std::string Out;
  /// The function's declaration, when the frame must see it first.
  std::string Declaration;
};

} // namespace emit
} // namespace cosm

#endif // COSM_EMIT_PRINTER_H
