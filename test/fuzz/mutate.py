#!/usr/bin/env python3
"""Malformed-input campaign for cosm-lower (issue 5).

Takes the test inputs (test/lower/*.cpp, test/run/*.cpp, test/regress/*.cpp,
examples/seed/*.cpp by default), mutates them (delete, duplicate or swap
tokens; truncate; insert `cosm::await(` ... `)` at random places; nest
constructs deeply), runs cosm-lower on each mutant with a time limit and
checks that the tool

  * never crashes: no signal, exit status 0 or 1 (clang's own fatal errors
    exit 1 too);
  * never hangs: it finishes within --timeout seconds;
  * rejects with a clang-style diagnostic: exit status 1 comes with at least
    one `file:line:col: error: ...` (or `fatal error:`) line on stderr;
  * when it lowers (exit 0), writes an output that compiles:
    `<cxx> -fsyntax-only -std=c++17 -I<runtime/include>`; the tool runs with
    --verify, so output that clang rejects is an exit 1 with "cosm-lower
    produced code that does not compile", counted as bad output too.

Mutant i of seed S is drawn from random.Random("S:i") alone, so a mutant is
the same whatever --jobs and --count are: `--seed S --only i` reproduces it.
Failing mutants are kept (--keep DIR, default test/fuzz/malformed-failures/
... under the build tree when run by lit): DIR/<kind>-<seed>-<i>.cpp with a
.log next to it (command, exit status, stderr).

    python3 test/fuzz/mutate.py --cosm-lower build/tool/cosm-lower --count 500 --jobs 2
    python3 test/fuzz/mutate.py ... --seed 7 --only 123 --keep /tmp/m   # one mutant

Exit status: 0 if every mutant passed, 1 if any failed, 2 on bad usage.
"""

import argparse
import glob
import os
import random
import re
import shlex
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
DEFAULT_INPUTS = [
    "test/lower/*.cpp",
    "test/run/*.cpp",
    "test/regress/*.cpp",
    "examples/seed/*.cpp",
]

# A C++ token: comments and preprocessor lines are kept whole (mutating
# inside them rarely tests anything but the preprocessor), then string and
# character literals, numbers, identifiers, and punctuators longest first.
TOKEN_RE = re.compile(
    r"""
    (?P<ws>\s+)
  | (?P<comment>//[^\n]*|/\*.*?\*/)
  | (?P<pp>^[ \t]*\#[^\n]*)
  | (?P<str>(?:u8|[uUL])?R"(?P<delim>[^(\s]{0,16})\(.*?\)(?P=delim)"|(?:u8|[uUL])?"(?:\\.|[^"\\\n])*")
  | (?P<chr>(?:u8|[uUL])?'(?:\\.|[^'\\\n])*')
  | (?P<num>\.?\d(?:[eEpP][+-]|[\w.'])*)
  | (?P<id>[A-Za-z_]\w*)
  | (?P<punct>::|->\*?|\.\.\.|<<=|>>=|<=>|[-+*/%^&|<>!=]=|&&|\|\||<<|>>|\+\+|--|\#\#|[{}\[\]()<>;:,.?~!+\-*/%^&|=\#])
  | (?P<other>.)
    """,
    re.VERBOSE | re.MULTILINE | re.DOTALL,
)

# Statements and expressions spliced in by the "nest" mutations.
NESTERS = [
    ("{ ", " }"),
    ("if (true) { ", " }"),
    ("while (true) { ", " break; }"),
    ("for (int nest_i = 0; nest_i < 1; ++nest_i) { ", " }"),
    ("do { ", " } while (false);"),
    ("try { ", " } catch (...) { throw; }"),
    ("switch (0) { case 0: { ", " } }"),
]
EXPR_NESTERS = [
    ("(", ")"),
    ("cosm::await(", ")"),
    ("(true ? ", " : 0)"),
    ("(0, ", ")"),
    ("!(", ")"),
]
AWAITABLES = ["cosm::sleep(0)", "cosm::sleep(0.001)", "main_()", "x", ""]


def tokenize(text):
    """Returns (kind, text) pairs covering the whole text."""
    toks = []
    for m in TOKEN_RE.finditer(text):
        kind = m.lastgroup
        if kind == "delim":
            kind = "str"
        toks.append((kind, m.group(0)))
    return toks


def significant(toks):
    return [i for i, (k, _) in enumerate(toks) if k not in ("ws", "comment", "pp")]


def mutate_once(toks, rng):
    """One random mutation of the token list, in place. Returns its name."""
    sig = significant(toks)
    if not sig:
        return "none"
    # Half of the mutations tend to keep the input valid C++ (awaits and
    # nesting spliced in), so that the lowering itself is exercised, not
    # only the parser's error recovery.
    op = rng.choice(
        ["delete", "duplicate", "swap", "swap-far", "truncate", "delete-span",
         "replace-punct",
         "await", "await", "await-stmt", "await-stmt", "nest-stmt", "nest-stmt",
         "nest-expr", "nest-deep"]
    )
    i = rng.choice(sig)
    if op == "delete":
        toks[i] = ("ws", " ")
    elif op == "delete-span":
        j = sig[min(len(sig) - 1, sig.index(i) + rng.randint(1, 12))]
        for k in range(i, j + 1):
            toks[k] = ("ws", " ")
    elif op == "duplicate":
        toks.insert(i, ("ws", " "))
        toks.insert(i, toks[i + 1])
    elif op == "swap":
        n = sig.index(i)
        if n + 1 < len(sig):
            j = sig[n + 1]
            toks[i], toks[j] = toks[j], toks[i]
    elif op == "swap-far":
        j = rng.choice(sig)
        toks[i], toks[j] = toks[j], toks[i]
    elif op == "truncate":
        del toks[i:]
    elif op == "replace-punct":
        toks[i] = ("punct", rng.choice(["{", "}", "(", ")", ";", ",", "?", ":", "&&", "::", "<", ">"]))
    elif op == "await":
        # `cosm::await(` before a token and `)` before a later one.
        n = sig.index(i)
        j = sig[min(len(sig) - 1, n + rng.randint(0, 8))]
        toks.insert(j + 1, ("punct", ")"))
        toks.insert(i, ("id", "cosm::await("))
    elif op == "await-stmt":
        # A whole await statement after a `;` or `{`.
        semis = [k for k in sig if toks[k][1] in (";", "{")]
        k = rng.choice(semis) if semis else i
        toks.insert(k + 1, ("id", " cosm::await(%s); " % rng.choice(AWAITABLES)))
    elif op == "nest-stmt":
        # Wrap the statements between two `;` / `{` / `}` in levels of
        # blocks, loops, try, switch.
        ends = [k for k in sig if toks[k][1] in (";", "{", "}")]
        if len(ends) >= 2:
            a, b = sorted(rng.sample(ends, 2))
            depth = rng.randint(1, 40)
            pre = "".join(rng.choice(NESTERS)[0] for _ in range(depth))
            # The closers must match the openers in reverse.
            chosen = [rng.choice(NESTERS) for _ in range(depth)]
            pre = "".join(o for o, _ in chosen)
            post = "".join(c for _, c in reversed(chosen))
            toks.insert(b + 1, ("other", post))
            toks.insert(a + 1, ("other", pre))
    elif op == "nest-expr":
        n = sig.index(i)
        j = sig[min(len(sig) - 1, n + rng.randint(0, 4))]
        chosen = [rng.choice(EXPR_NESTERS) for _ in range(rng.randint(1, 30))]
        toks.insert(j + 1, ("other", "".join(c for _, c in reversed(chosen))))
        toks.insert(i, ("other", "".join(o for o, _ in chosen)))
    elif op == "nest-deep":
        # Very deep nesting: past clang's bracket limit (256) sometimes.
        depth = rng.choice([50, 100, 200, 300, 600])
        opener, closer = rng.choice(EXPR_NESTERS[:2] + [("{", "}")])
        semis = [k for k in sig if toks[k][1] in (";", "{")]
        k = rng.choice(semis) if semis else i
        body = opener * depth + "cosm::sleep(0)" + closer * depth
        if opener == "{":
            body = opener * depth + " cosm::await(cosm::sleep(0)); " + closer * depth
        else:
            body = "cosm::await(" + body + ");"
        toks.insert(k + 1, ("other", " " + body + " "))
    return op


def make_mutant(seed, index, sources):
    """(source path, mutation names, text) of mutant `index` of `seed`."""
    rng = random.Random("%d:%d" % (seed, index))
    path = rng.choice(sources)
    with open(path, encoding="utf-8") as f:
        toks = tokenize(f.read())
    ops = [mutate_once(toks, rng) for _ in range(rng.choice([1, 1, 1, 2, 2, 3]))]
    return path, ops, "".join(t for _, t in toks)


DIAG_RE = re.compile(r"^[^\s:][^:\n]*:\d+:\d+: (?:fatal )?error: ", re.MULTILINE)
VERIFY_FAILED = "cosm-lower produced code that does not compile"


def check_one(args, seed, index, sources, workdir):
    """Runs one mutant. Returns (index, kind, detail, path, ops, text)."""
    path, ops, text = make_mutant(seed, index, sources)
    base = os.path.join(workdir, "m%d" % index)
    src = base + ".cpp"
    out = base + ".lowered.cpp"
    with open(src, "w", encoding="utf-8") as f:
        f.write(text)
    cmd = [args.cosm_lower, "--verify", src, "-o", out] + (
        ["--"] + args.tool_args if args.tool_args else []
    )
    t0 = time.monotonic()
    try:
        p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           timeout=args.timeout)
    except subprocess.TimeoutExpired:
        return index, "hang", "no exit after %gs" % args.timeout, path, ops, text, cmd, ""
    elapsed = time.monotonic() - t0
    err = p.stderr.decode("utf-8", "replace")
    rc = p.returncode
    if rc < 0 or rc > 1:
        return index, "crash", "exit status %d" % rc, path, ops, text, cmd, err
    if rc == 1:
        # --verify found that the lowered code does not compile: a tool bug,
        # even though it comes as a diagnostic.
        if VERIFY_FAILED in err:
            return index, "bad-output", "--verify: the lowered code does not compile", path, ops, text, cmd, err
        if not DIAG_RE.search(err):
            return index, "bad-diagnostic", "exit 1 without file:line:col: error:", path, ops, text, cmd, err
        return index, "rejected", "%.1fs" % elapsed, path, ops, text, cmd, err
    if not os.path.exists(out):
        return index, "bad-output", "exit 0 but no output file", path, ops, text, cmd, err
    cc = [args.cxx, "-fsyntax-only", "-std=c++17", "-I" + args.incdir, out]
    q = subprocess.run(cc, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if q.returncode != 0:
        # The mutant may have been accepted by clang but not by the other
        # compiler even without lowering: then the tool is not to blame.
        orig = subprocess.run([args.cxx, "-fsyntax-only", "-std=c++17", "-I" + args.incdir,
                               "-x", "c++", src],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        first = q.stderr.decode("utf-8", "replace")
        if orig.returncode != 0 and "cosm::await" not in text and "COSM_ASYNC" not in text:
            return index, "lowered", "output fails %s, as does the input" % args.cxx, path, ops, text, cmd, err
        return index, "bad-output", "output does not compile with %s" % args.cxx, path, ops, text, cc, first
    return index, "lowered", "%.1fs" % elapsed, path, ops, text, cmd, err


FAIL_KINDS = ("crash", "hang", "bad-diagnostic", "bad-output")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cosm-lower", default=os.path.join(ROOT, "build", "tool", "cosm-lower"))
    ap.add_argument("--cxx", default="g++", help="compiler for the output check (g++)")
    ap.add_argument("--incdir", default=os.path.join(ROOT, "runtime", "include"))
    ap.add_argument("--seed", type=int, default=None, help="default: random")
    ap.add_argument("--count", type=int, default=100)
    ap.add_argument("--only", type=int, action="append", default=[],
                    help="run only mutant N of the seed (repeatable)")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--timeout", type=float, default=20.0, help="seconds per cosm-lower run")
    ap.add_argument("--inputs", action="append", default=[],
                    help="glob of input files, relative to the repository (repeatable)")
    ap.add_argument("--keep", default=os.path.join(ROOT, "test", "fuzz", "malformed-failures"),
                    help="directory for failing mutants")
    ap.add_argument("--tool-args", default="", help="arguments after -- for cosm-lower")
    ap.add_argument("--quiet", action="store_true", help="no progress line, only failures and the summary")
    args = ap.parse_args()
    args.tool_args = shlex.split(args.tool_args)
    if args.seed is None:
        args.seed = random.SystemRandom().randrange(1, 10**6)
    if not os.access(args.cosm_lower, os.X_OK):
        print("mutate.py: cosm-lower not found: %s" % args.cosm_lower, file=sys.stderr)
        return 2
    sources = []
    for pattern in args.inputs or DEFAULT_INPUTS:
        sources += glob.glob(os.path.join(ROOT, pattern))
    # Code under `#ifndef COSM_LOWERING` is hidden from cosm-lower: a mutant
    # broken there is broken C++ that only the lowered file's compiler sees,
    # not a cosm-lower fault, so such inputs are left out.
    def mutable(path):
        with open(path, encoding="utf-8", errors="replace") as f:
            return "#ifndef COSM_LOWERING" not in f.read()
    sources = sorted(s for s in set(sources)
                     if not s.endswith(".lowered.cpp") and mutable(s))
    if not sources:
        print("mutate.py: no input files", file=sys.stderr)
        return 2
    indices = args.only or list(range(args.count))

    counts = {}
    failures = []
    done = 0
    start = time.monotonic()
    tty = sys.stderr.isatty() and not args.quiet
    print("mutate.py: seed %d, %d mutants of %d inputs, %d jobs" %
          (args.seed, len(indices), len(sources), args.jobs), flush=True)
    with tempfile.TemporaryDirectory(prefix="cosm-mutate-") as work:
        with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
            futs = [pool.submit(check_one, args, args.seed, i, sources, work) for i in indices]
            for fut in futs:
                index, kind, detail, path, ops, text, cmd, err = fut.result()
                done += 1
                counts[kind] = counts.get(kind, 0) + 1
                if kind in FAIL_KINDS:
                    os.makedirs(args.keep, exist_ok=True)
                    name = os.path.join(args.keep, "%s-%d-%d" % (kind, args.seed, index))
                    with open(name + ".cpp", "w", encoding="utf-8") as f:
                        f.write(text)
                    with open(name + ".log", "w", encoding="utf-8") as f:
                        f.write("seed %d mutant %d of %s: %s\n%s\n$ %s\n%s" % (
                            args.seed, index, os.path.relpath(path, ROOT), " ".join(ops),
                            detail, " ".join(shlex.quote(c) for c in cmd), err))
                    failures.append((index, kind, detail, path, ops, name))
                    if tty:
                        sys.stderr.write("\r\033[K")
                    print("FAIL %s: mutant %d (%s of %s): %s -> %s.cpp" % (
                        kind, index, "+".join(ops), os.path.relpath(path, ROOT),
                        detail, name), flush=True)
                if tty:
                    el = time.monotonic() - start
                    sys.stderr.write("\r\033[K[%d/%d] %s  %.0fs, %d failed" % (
                        done, len(indices),
                        " ".join("%s %d" % kv for kv in sorted(counts.items())),
                        el, len(failures)))
                    sys.stderr.flush()
                elif not args.quiet and done % 25 == 0:
                    print("[%d/%d] %.0fs" % (done, len(indices), time.monotonic() - start), flush=True)
    if tty:
        sys.stderr.write("\n")
    print("%d mutants: %d rejected with a diagnostic, %d lowered to compiling code, "
          "%d failures (%s) in %.0fs" % (
              len(indices), counts.get("rejected", 0), counts.get("lowered", 0), len(failures),
              ", ".join("%s %d" % (k, counts.get(k, 0)) for k in FAIL_KINDS),
              time.monotonic() - start))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
