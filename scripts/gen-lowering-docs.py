#!/usr/bin/env python3
"""Regenerates the produced parts of cosm's documentation.

docs/lowering.md and docs/tutorial.md show code that cosm-lower generated and
what programs print. Those parts are never typed by hand: each sits between a
marker and `<!-- end -->`, and this script rewrites it from the real tool:

  <!-- source: FILE -->       FILE itself (its leading // comment dropped)
  <!-- lowered: FILE [function=NAME] [whole] -->
                             what cosm-lower makes of FILE: by default from the
                             first changed line to the last; with function=NAME
                             only NAME's frame struct and function; with
                             whole, the entire output
  <!-- diagnostics: FILE --> the command line and what cosm-lower prints on
                             stderr (it must fail); extra arguments come from a
                             `// cosm-lower args: ...` line in FILE
  <!-- output: FILE [stderr] -->
                             lower, compile and run FILE; its stdout (and its
                             stderr with the stderr flag). When FILE has a
                             Python twin (same name, .py), the twin must print
                             the same stdout, or the script fails. Task ids
                             (`id=0x...` of call graphs) are masked.

FILE is relative to the repository root. Usage:

  scripts/gen-lowering-docs.py              rewrite docs/lowering.md, docs/tutorial.md
  scripts/gen-lowering-docs.py --check      fail (and show a diff) if they are stale
  scripts/gen-lowering-docs.py docs/lowering.md     only that file

Options: --cosm-lower (default $COSM_LOWER, else build/tool/cosm-lower),
--cxx (default $CXX, else g++), --runtime-lib (default: libcosm.a in the
build tree of --cosm-lower), --python (default: this interpreter).
"""

import argparse
import concurrent.futures
import difflib
import os
import re
import shlex
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_DOCS = ["docs/lowering.md", "docs/tutorial.md"]
MARKER = re.compile(r"^<!-- (source|lowered|diagnostics|output): (\S+)((?: [^ ]+)*?) -->$")
END = "<!-- end -->"


class Failure(Exception):
    pass


LINE_TABLE = re.compile(
    r"^([ \t]*)static constexpr cosm::FrameLines<(\d+)> (\w+)\{(.*?)\};$",
    re.M | re.S)


def line_table(match):
    """A frame's line table in one layout, its file named from the root."""
    indent, count, name, body = match.groups()
    path = "".join(re.findall(r'"((?:[^"\\]|\\.)*)"', body))
    if path.startswith(ROOT + "/"):
        path = path[len(ROOT) + 1:]
    lines = re.search(r"\{([^{}]*)\}\s*$", body).group(1)
    lines = ", ".join(n.strip() for n in lines.split(","))
    return '%sstatic constexpr cosm::FrameLines<%s> %s{\n%s    "%s", {%s}};' % (
        indent, count, name, indent, path, lines)


def run(cmd, **kwargs):
    return subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, **kwargs)


def fence(lang, text):
    text = text.rstrip("\n")
    return "```%s\n%s\n```\n" % (lang, text)


def language(path):
    return {".py": "python", ".cpp": "cpp", ".hpp": "cpp"}.get(os.path.splitext(path)[1], "text")


def read(path):
    full = os.path.join(ROOT, path)
    if not os.path.exists(full):
        raise Failure("%s does not exist" % path)
    with open(full, encoding="utf-8") as f:
        return f.read()


def strip_header_comment(text):
    """Drops the // comment lines a file starts with (what the example is
    about: the documentation says it in prose)."""
    lines = text.splitlines(keepends=True)
    while lines and lines[0].startswith("//"):
        lines.pop(0)
    return "".join(lines)


def extra_args(text):
    m = re.search(r"^// cosm-lower args: (.*)$", text, re.M)
    return shlex.split(m.group(1)) if m else []


class Generator:
    def __init__(self, opts):
        self.opts = opts
        self.pool = concurrent.futures.ThreadPoolExecutor(max_workers=os.cpu_count() or 2)
        self.cache = {}
        self.tmp = tempfile.mkdtemp(prefix="cosm-docs-")

    # Every distinct (kind, file) is computed once, in parallel.
    def submit(self, kind, path):
        key = (kind, path)
        if key not in self.cache:
            self.cache[key] = self.pool.submit(getattr(self, "do_" + kind), path)
        return self.cache[key]

    def do_lower(self, path):
        text = read(path)
        result = run([self.opts.cosm_lower, path] + extra_args(text))
        if result.returncode != 0:
            raise Failure("cosm-lower failed on %s:\n%s" % (path, result.stderr))
        # The frames' line tables name the file by absolute path: show it
        # from the root, so that the documents do not depend on the checkout.
        # How clang-format wrapped the table depends on that path's length:
        # print every table in one layout.
        return text, LINE_TABLE.sub(line_table, result.stdout).replace(
            '"' + ROOT + "/", '"')

    def do_diagnose(self, path):
        args = extra_args(read(path))
        result = run([self.opts.cosm_lower, path] + args)
        if result.returncode != 1:
            raise Failure("cosm-lower %s: expected exit status 1, got %d\n%s"
                          % (path, result.returncode, result.stderr))
        if result.stdout:
            raise Failure("cosm-lower %s printed output although it failed" % path)
        command = " ".join(["cosm-lower", path] + [shlex.quote(a) for a in args])
        # cosm-lower names files by absolute path: show them from the root.
        return "$ %s\n%s" % (command, result.stderr.replace(ROOT + "/", ""))

    def do_execute(self, path):
        _, lowered = self.submit("lower", path).result()
        base = os.path.join(self.tmp, path.replace("/", "_"))
        with open(base + ".lowered.cpp", "w", encoding="utf-8") as f:
            f.write(lowered)
        include = os.path.join(ROOT, "runtime", "include")
        compile_cmd = [self.opts.cxx, "-std=c++17", "-Wall", "-Wextra", "-I" + include,
                       base + ".lowered.cpp", self.opts.runtime_lib, "-pthread", "-o", base]
        result = run(compile_cmd)
        if result.returncode != 0:
            raise Failure("the lowered %s does not compile:\n%s" % (path, result.stderr))
        env = dict(os.environ)
        env.pop("COSM_DEBUG", None)
        result = run([base], env=env, timeout=60)
        if result.returncode != 0:
            raise Failure("%s exited with status %d\n%s" % (path, result.returncode, result.stderr))
        twin = os.path.splitext(path)[0] + ".py"
        if os.path.exists(os.path.join(ROOT, twin)):
            env.pop("PYTHONASYNCIODEBUG", None)
            want = run([self.opts.python, twin], env=env, timeout=60)
            if want.stdout != result.stdout:
                diff = "".join(difflib.unified_diff(
                    want.stdout.splitlines(True), result.stdout.splitlines(True),
                    twin, path))
                raise Failure("%s does not print what %s prints:\n%s" % (path, twin, diff))
        # Call graphs print addresses as task ids: they vary from run to run.
        def mask(text):
            return re.sub(r"id=0x[0-9a-f]+", "id=0x...", text)
        return mask(result.stdout), mask(result.stderr)

    def render(self, kind, path, flags):
        if kind == "source":
            return fence(language(path), strip_header_comment(read(path)))
        if kind == "diagnostics":
            return fence("text", self.submit("diagnose", path).result())
        if kind == "output":
            out, err = self.submit("execute", path).result()
            text = fence("text", out)
            if "stderr" in flags:
                text += "\nand on stderr:\n\n" + fence("text", err or "(nothing)")
            return text
        source, lowered = self.submit("lower", path).result()
        if "whole" in flags:
            return fence("cpp", lowered)
        if "function" in flags:
            return fence("cpp", extract_function(lowered, flags["function"], path))
        return fence("cpp", changed_region(source, lowered))

    def prefetch(self, doc_text):
        for line in doc_text.splitlines():
            m = MARKER.match(line)
            if not m:
                continue
            kind, path = m.group(1), m.group(2)
            if kind in ("lowered", "output"):
                self.submit("lower", path)
            if kind == "output":
                self.submit("execute", path)
            if kind == "diagnostics":
                self.submit("diagnose", path)

    def regenerate(self, doc, doc_text):
        """Returns doc_text with every marked region rewritten."""
        self.prefetch(doc_text)
        out = []
        lines = doc_text.splitlines(keepends=True)
        i = 0
        while i < len(lines):
            line = lines[i]
            out.append(line)
            m = MARKER.match(line.rstrip("\n"))
            i += 1
            if not m:
                continue
            kind, path = m.group(1), m.group(2)
            flags = {}
            for word in m.group(3).split():
                key, _, value = word.partition("=")
                flags[key] = value
            j = i
            while j < len(lines) and lines[j].rstrip("\n") != END:
                if MARKER.match(lines[j].rstrip("\n")):
                    break
                j += 1
            if j == len(lines) or lines[j].rstrip("\n") != END:
                raise Failure("%s:%d: %s marker without %s" % (doc, i, kind, END))
            out.append(self.render(kind, path, flags))
            out.append(lines[j])
            i = j + 1
        return "".join(out)


def changed_region(source, lowered):
    """The output from its first line that differs from the input to its
    last one (the rest is byte-identical to the input)."""
    a = source.splitlines(keepends=True)
    b = lowered.splitlines(keepends=True)
    first = 0
    while first < min(len(a), len(b)) and a[first] == b[first]:
        first += 1
    last = 0
    while last < min(len(a), len(b)) - first and a[-1 - last] == b[-1 - last]:
        last += 1
    return "".join(b[first:len(b) - last])


def extract_function(lowered, name, path):
    """NAME's frame struct with its comment, the function that creates the
    frame, and (for a recursive function) the declaration before them."""
    lines = lowered.splitlines(keepends=True)
    frame = re.compile(r"^(\s*)(?:template <[^>]*> )?struct (\S+::)?%s_frame final\b" % re.escape(name))
    start = next((i for i, line in enumerate(lines) if frame.match(line)), None)
    if start is None:
        raise Failure("%s: no frame struct for %s in the output" % (path, name))
    indent = frame.match(lines[start]).group(1)
    begin = start
    while begin > 0 and lines[begin - 1].startswith(indent + "//"):
        begin -= 1
    # The declaration cosm-lower puts first when the function calls itself.
    above = begin - 1
    while above >= 0 and not lines[above].strip():
        above -= 1
    if above >= 0 and lines[above].rstrip().endswith(";") and \
            re.search(r"\b%s\(" % re.escape(name), lines[above]):
        begin = above
    end = start
    while lines[end].rstrip("\n") != indent + "};":
        end += 1
    end += 1
    while end < len(lines) and not lines[end].strip():
        end += 1
    while end < len(lines) and lines[end].rstrip("\n") != indent + "}":
        end += 1
    return "".join(lines[begin:end + 1])


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("docs", nargs="*", help="documents to process (default: %s)" % " ".join(DEFAULT_DOCS))
    parser.add_argument("--check", action="store_true",
                        help="do not write: fail if a document differs from what would be generated")
    parser.add_argument("--cosm-lower", default=os.environ.get("COSM_LOWER")
                        or os.path.join(ROOT, "build", "tool", "cosm-lower"))
    parser.add_argument("--cxx", default=os.environ.get("CXX") or "g++")
    parser.add_argument("--runtime-lib", default=None)
    parser.add_argument("--python", default=sys.executable)
    opts = parser.parse_args()
    opts.cosm_lower = os.path.abspath(opts.cosm_lower)
    if not os.access(opts.cosm_lower, os.X_OK):
        sys.exit("gen-lowering-docs: %s is not built (pass --cosm-lower)" % opts.cosm_lower)
    if opts.runtime_lib is None:
        build = os.path.dirname(os.path.dirname(opts.cosm_lower))
        opts.runtime_lib = os.path.join(build, "runtime", "libcosm.a")
    opts.runtime_lib = os.path.abspath(opts.runtime_lib)

    gen = Generator(opts)
    stale = []
    try:
        for doc in opts.docs or DEFAULT_DOCS:
            doc = os.path.relpath(os.path.abspath(doc), ROOT) if os.path.isabs(doc) else doc
            current = read(doc)
            fresh = gen.regenerate(doc, current)
            if fresh == current:
                continue
            if opts.check:
                sys.stdout.writelines(difflib.unified_diff(
                    current.splitlines(True), fresh.splitlines(True),
                    doc, doc + " (generated)"))
                stale.append(doc)
            else:
                with open(os.path.join(ROOT, doc), "w", encoding="utf-8") as f:
                    f.write(fresh)
                print("gen-lowering-docs: updated %s" % doc)
    except Failure as e:
        sys.exit("gen-lowering-docs: error: %s" % e)
    finally:
        gen.pool.shutdown(cancel_futures=True)
    if stale:
        sys.exit("gen-lowering-docs: %s out of date with cosm-lower: run scripts/gen-lowering-docs.py "
                 "(with --cosm-lower <build>/tool/cosm-lower) and commit the result"
                 % " and ".join(stale))


if __name__ == "__main__":
    main()
