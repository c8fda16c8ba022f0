//===- report/HtmlReport.cpp - One page to look at a lowering -------------===//
//
// Anchors: `src-<f>-<k>` is the k-th suspension point of the f-th async
// function in the source, `gen-<f>-<k>` the code generated for it (state 0:
// the frame struct), `graph-<f>-<k>` its node in the graph. Each links to
// the next: source -> generated -> source, graph -> generated.
//
//===----------------------------------------------------------------------===//

#include "report/HtmlReport.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FileUtilities.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"
#include <map>
#include <tuple>

using namespace llvm;

namespace cosm {

Expected<std::string> drawSvg(StringRef Dot) {
  ErrorOr<std::string> Program = sys::findProgramByName("dot");
  if (!Program)
    return createStringError(
        inconvertibleErrorCode(),
        "--emit=html draws the state graph with Graphviz, but 'dot' is not "
        "on PATH (Debian: apt-get install graphviz)");
  SmallString<128> In, Out, Err;
  int Fd;
  if (std::error_code EC =
          sys::fs::createTemporaryFile("cosm-graph", "dot", Fd, In))
    return errorCodeToError(EC);
  FileRemover RemoveIn(In);
  {
    raw_fd_ostream OS(Fd, /*shouldClose=*/true);
    OS << Dot;
  }
  if (std::error_code EC =
          sys::fs::createTemporaryFile("cosm-graph", "svg", Out))
    return errorCodeToError(EC);
  FileRemover RemoveOut(Out);
  if (std::error_code EC =
          sys::fs::createTemporaryFile("cosm-graph", "err", Err))
    return errorCodeToError(EC);
  FileRemover RemoveErr(Err);
  StringRef Args[] = {*Program, "-Tsvg", In, "-o", Out};
  std::optional<StringRef> Redirects[] = {StringRef(""), StringRef(""),
                                          StringRef(Err)};
  std::string Message;
  int Status = sys::ExecuteAndWait(*Program, Args, std::nullopt, Redirects,
                                   /*SecondsToWait=*/60, 0, &Message);
  if (Status != 0) {
    std::string Why = Message;
    if (auto Text = MemoryBuffer::getFile(Err))
      Why += (*Text)->getBuffer().trim().str();
    return createStringError(inconvertibleErrorCode(),
                             "'" + *Program +
                                 "' failed to draw the state "
                                 "graph (status " +
                                 std::to_string(Status) + "): " + Why);
  }
  auto Svg = MemoryBuffer::getFile(Out);
  if (!Svg)
    return errorCodeToError(Svg.getError());
  StringRef Text = (*Svg)->getBuffer();
  // Inline: the element only, without the XML prolog and DOCTYPE.
  size_t Start = Text.find("<svg");
  if (Start == StringRef::npos)
    return createStringError(inconvertibleErrorCode(),
                             "'" + *Program + "' wrote no SVG");
  return Text.substr(Start).trim().str();
}

namespace {

std::string escape(StringRef S) {
  std::string Out;
  for (char C : S) {
    switch (C) {
    case '&':
      Out += "&amp;";
      break;
    case '<':
      Out += "&lt;";
      break;
    case '>':
      Out += "&gt;";
      break;
    case '"':
      Out += "&quot;";
      break;
    default:
      Out += C;
    }
  }
  return Out;
}

const char *kindName(AwaitKind Kind) {
  return Kind == AwaitKind::Coroutine ? "coroutine: inline"
         : Kind == AwaitKind::Task    ? "task: via loop"
         : Kind == AwaitKind::Future  ? "future: via loop"
         : Kind == AwaitKind::Sleep   ? "sleep: via loop, in this frame"
                                      : "decided by instantiation";
}

std::string anchor(size_t Function, unsigned State) {
  return std::to_string(Function) + "-" + std::to_string(State);
}

/// Where each suspension point's code is in the lowered text, by line
/// (0-based): from its `// await` comment to its `resume_<k>:` label.
struct GeneratedSpan {
  size_t First = 0, Last = 0;
};

class Page {
public:
  Page(StringRef File, const LoweredFile &Lowered, StringRef Svg)
      : File(File), Lowered(Lowered), Svg(Svg) {
    locateGenerated();
  }
  std::string render();

private:
  void locateGenerated();
  std::string sourcePane();
  std::string loweredPane();
  std::string summary();

  StringRef File;
  const LoweredFile &Lowered;
  StringRef Svg;
  SmallVector<StringRef, 0> LowLines;
  /// (function, state) -> its code in the lowered text.
  std::map<std::pair<size_t, unsigned>, GeneratedSpan> Generated;
};

void Page::locateGenerated() {
  StringRef(Lowered.Lowered).split(LowLines, '\n');
  size_t From = 0;
  for (size_t F = 0; F < Lowered.Graphs.size(); ++F) {
    const FunctionGraph &G = Lowered.Graphs[F];
    size_t Frame = From;
    // `struct f_frame final`, maybe after `template <...>` or with the
    // class's name before the frame's.
    auto IsFrame = [&](StringRef Line) {
      size_t At = Line.find(G.FrameName + " final");
      return At != StringRef::npos && Line.substr(0, At).contains("struct ");
    };
    while (Frame < LowLines.size() && !IsFrame(LowLines[Frame]))
      ++Frame;
    if (Frame == LowLines.size())
      continue;
    Generated[{F, 0}] = {Frame, Frame};
    From = Frame + 1;
    for (const AwaitSite &Site : G.Sites) {
      std::string Label = "resume_" + std::to_string(Site.State) + ":";
      size_t At = Frame;
      while (At < LowLines.size() && LowLines[At].trim() != Label)
        ++At;
      if (At == LowLines.size())
        continue;
      size_t First = At;
      for (size_t Back = At; Back > Frame && At - Back < 16; --Back)
        if (LowLines[Back].trim().starts_with("// await ")) {
          First = Back;
          break;
        }
      Generated[{F, Site.State}] = {First, At};
    }
  }
}

std::string Page::sourcePane() {
  // The `cosm::await` names to link, by offset: end, function, state.
  std::map<unsigned, std::tuple<unsigned, size_t, unsigned>> Links;
  for (size_t F = 0; F < Lowered.Graphs.size(); ++F)
    for (const AwaitSite &Site : Lowered.Graphs[F].Sites)
      if (Site.End > Site.Begin)
        Links[Site.Begin] = {Site.End, F, Site.State};
  std::string Out;
  StringRef Source = Lowered.Source;
  unsigned Line = 1;
  Out += "<div class=\"line\" id=\"L1\"><span class=\"no\">1</span>";
  for (unsigned I = 0; I < Source.size(); ++I) {
    auto Link = Links.find(I);
    if (Link != Links.end()) {
      auto [End, F, State] = Link->second;
      std::string Id = anchor(F, State);
      bool Found = Generated.count({F, State});
      Out += "<a class=\"await\" id=\"src-" + Id + "\"" +
             (Found ? " href=\"#gen-" + Id + "\"" : "") + " title=\"state " +
             std::to_string(State) + ": see the generated code\">" +
             escape(Source.substr(I, End - I)) + "</a>";
      I = End - 1;
      continue;
    }
    if (Source[I] == '\n') {
      ++Line;
      if (I + 1 == Source.size())
        break;
      // No newline between the lines: the pane keeps white space.
      Out += "</div><div class=\"line\" id=\"L" + std::to_string(Line) +
             "\"><span class=\"no\">" + std::to_string(Line) + "</span>";
      continue;
    }
    Out += escape(Source.substr(I, 1));
  }
  return Out + "</div>";
}

std::string Page::loweredPane() {
  // Per line: the suspension point whose code it is, and where it starts.
  std::map<size_t, std::pair<std::string, bool>> Marks;
  for (const auto &[Key, Span] : Generated)
    for (size_t L = Span.First; L <= Span.Last; ++L)
      Marks[L] = {anchor(Key.first, Key.second), L == Span.First};
  std::string Out;
  for (size_t L = 0; L < LowLines.size(); ++L) {
    if (L + 1 == LowLines.size() && LowLines[L].empty())
      break;
    std::string Number = std::to_string(L + 1);
    auto Mark = Marks.find(L);
    bool Glue = Mark != Marks.end();
    std::string Id = Glue ? Mark->second.first : "";
    bool Frame = Glue && StringRef(Id).ends_with("-0");
    Out += "<div class=\"line" + std::string(Glue && !Frame ? " glue" : "") +
           "\" id=\"O" + Number + "\"><span class=\"no\">" + Number +
           "</span>" + escape(LowLines[L]);
    if (Glue && Mark->second.second) {
      size_t Dash = Id.find('-');
      size_t F = std::stoul(Id.substr(0, Dash));
      std::string Back =
          Frame ? "#L" + std::to_string(Lowered.Graphs[F].Line) : "#src-" + Id;
      Out += " <a class=\"back\" id=\"gen-" + Id + "\" href=\"" + Back +
             "\">&#8617; " +
             (Frame ? escape(Lowered.Graphs[F].Name) + "()"
                    : "state " + Id.substr(Dash + 1)) +
             "</a>";
    }
    Out += "</div>";
  }
  return Out;
}

std::string Page::summary() {
  std::string Out = "<table class=\"points\">\n<tr><th>function</th>"
                    "<th>state</th><th>line</th><th>await of a</th></tr>\n";
  for (size_t F = 0; F < Lowered.Graphs.size(); ++F) {
    const FunctionGraph &G = Lowered.Graphs[F];
    for (const AwaitSite &Site : G.Sites) {
      std::string Id = anchor(F, Site.State);
      std::string State = std::to_string(Site.State);
      if (Generated.count({F, Site.State}))
        State = "<a href=\"#gen-" + Id + "\">" + State + "</a>";
      std::string Line = std::to_string(Site.Line);
      if (Site.End > Site.Begin)
        Line = "<a href=\"#src-" + Id + "\">" + Line + "</a>";
      Out += "<tr><td>" + escape(G.Name) + "()</td><td>" + State + "</td><td>" +
             Line + "</td><td>" + kindName(Site.Kind) + "</td></tr>\n";
    }
  }
  return Out + "</table>\n";
}

/// Each frame's sizeof, as Clang computes it from the generated struct.
std::string framesTable(const LoweredFile &Lowered) {
  if (Lowered.Frames.empty())
    return "";
  std::string Out = "<table class=\"points\" id=\"frames\">\n<tr><th>frame"
                    "</th><th>sizeof</th><th>holds the frames of</th></tr>\n";
  for (const FrameSize &Frame : Lowered.Frames) {
    std::string Size = Frame.Bytes ? std::to_string(Frame.Bytes) + " bytes"
                                   : "unknown (a template, or not measured)";
    if (Frame.OverLimit)
      Size += " (over --max-frame-bytes)";
    Out += "<tr><td>" + escape(Frame.Name) + "</td><td>" + Size + "</td><td>" +
           escape(llvm::join(Frame.Slot, ", ")) + "</td></tr>\n";
  }
  return Out + "</table>\n";
}

const char *Style = R"(
body { font: 14px/1.4 sans-serif; margin: 0; padding: 12px 16px; color: #202124; background: #fff; }
h1 { font-size: 18px; margin: 0 0 8px; }
h2 { font-size: 14px; margin: 0; padding: 4px 8px; background: #f1f3f4; border-bottom: 1px solid #dadce0; }
.panes { display: grid; grid-template-columns: 1fr 1fr; gap: 12px; }
.pane { border: 1px solid #dadce0; border-radius: 6px; overflow: auto; max-height: 75vh; }
.code { font: 12px/1.45 monospace; white-space: pre; padding: 4px 0; }
.line { padding: 0 8px 0 0; }
.no { display: inline-block; width: 4.5ch; padding-right: 1ch; text-align: right; color: #9aa0a6; user-select: none; }
.glue { background: #fef7e0; }
a.await { background: #fde293; color: #202124; border-radius: 3px; }
a.back { color: #1a73e8; font-family: sans-serif; font-size: 11px; }
:target, :target + * { outline: 2px solid #1a73e8; }
.legend span { margin-right: 1.5em; }
table.points { border-collapse: collapse; margin: 8px 0 12px; }
table.points td, table.points th { border: 1px solid #dadce0; padding: 2px 8px; text-align: left; }
#graph { margin-top: 12px; border: 1px solid #dadce0; border-radius: 6px; padding: 8px; overflow: auto; }
#graph svg { max-width: 100%; height: auto; }
)";

std::string Page::render() {
  std::string Name = escape(sys::path::filename(File));
  std::string Out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
                    "<meta charset=\"utf-8\">\n<title>cosm-lower: " +
                    Name + "</title>\n<style>" + Style +
                    "</style>\n</head>\n"
                    "<body>\n<h1>cosm-lower: " +
                    Name + "</h1>\n";
  Out += "<p class=\"legend\"><span><a class=\"await\">cosm::await</a> "
         "a suspension point: follow it to its generated code</span>"
         "<span class=\"glue\">code generated for an await</span>"
         "<span><b>inline</b>: awaiting a coroutine calls into it</span>"
         "<span><b>via loop</b>: awaiting a task or future returns to the "
         "loop</span></p>\n";
  Out += summary();
  Out += framesTable(Lowered);
  Out += "<div class=\"panes\">\n<section class=\"pane\" id=\"source\">"
         "<h2>source: " +
         Name + "</h2>\n<div class=\"code\">" + sourcePane() +
         "</div>\n</section>\n";
  Out += "<section class=\"pane\" id=\"lowered\"><h2>lowered</h2>\n"
         "<div class=\"code\">" +
         loweredPane() + "</div>\n</section>\n</div>\n";
  Out += "<section id=\"graph\"><h2>state graph</h2>\n" + Svg.str() +
         "\n</section>\n</body>\n</html>\n";
  return Out;
}

} // namespace

std::string renderHtml(StringRef File, const LoweredFile &Lowered,
                       StringRef Svg) {
  return Page(File, Lowered, Svg).render();
}

} // namespace cosm
