#!/usr/bin/env python3
"""Differential driver (issue 5): generate, lower, compile, run, compare.

    run.py --seed 1 --count 40 [--jobs N] [--keep DIR] [--clang] [--build DIR]

For each seed S in [seed, seed + count): test/fuzz/gen.py writes the program
as C++ (cosm) and Python (asyncio); this lowers the C++ with cosm-lower,
compiles it with g++ (and clang++-19 with --clang) at -std=c++17 -Wall -Wextra
-Werror, runs both, and compares stdout. A mismatch is run again (up to
--retries times, one process at a time) before it counts: timed sleeps are real
time, and a machine stalled for several milliseconds can reorder them (see
gen.py). Programs are compiled --batch at a time into one file (each in its own
namespace; `prog SEED` runs one); a batch that fails to lower or compile is
redone one program at a time. Failing cases are kept in --keep DIR/seed-S/
(prog.cpp, prog.py, error.txt with the diff or the error) for reduction.
Exit status 1 if any case fails.

Long campaigns: run.py --seed $RANDOM --count 2000 --jobs 8.
"""

import argparse
import concurrent.futures
import os
import shlex
import shutil
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
import gen  # noqa: E402

run_lock = threading.Lock()


def sh(cmd, timeout, **kw):
    try:
        p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           timeout=timeout, **kw)
        return p.returncode, p.stdout.decode(errors="replace"), p.stderr.decode(errors="replace")
    except subprocess.TimeoutExpired:
        return "timeout", "", "timed out after %ss" % timeout


def build(name, cpp, args, d):
    """Lowers and compiles cpp; returns (executables, None) or (None, (kind, detail))."""
    src, low = os.path.join(d, name + ".cpp"), os.path.join(d, name + ".lowered.cpp")
    with open(src, "w") as f:
        f.write(cpp)
    # --verify: output that does not compile is the tool's fault, named so.
    rc, out, err = sh([args.cosm_lower, "--verify", src, "-o", low], 120)
    if rc != 0:
        return None, ("lower", "cosm-lower exit %s\n%s" % (rc, err[-3000:]))
    exes = []
    for cxx in [args.cxx] + ([args.clangxx] if args.clang else []):
        exe = os.path.join(d, name + "-" + os.path.basename(cxx))
        rc, out, err = sh([cxx, "-std=c++17", "-Wall", "-Wextra", "-Werror",
                           "-I" + args.incdir, low] + args.ldflags + ["-o", exe], 300)
        if rc != 0:
            return None, ("compile", "%s exit %s\n%s" % (cxx, rc, err[-3000:]))
        exes.append(exe)
    return exes, None


def compare(seed, exes, args, d):
    """Runs program seed (python and every executable) and compares stdout."""
    pysrc = os.path.join(d, "prog-%d.py" % seed)
    with open(pysrc, "w") as f:
        f.write(gen.generate(seed)[1])

    def runs():
        rc, want, err = sh([sys.executable, pysrc], 30)
        if rc != 0:
            return None, "python exit %s (a generator bug)\n%s" % (rc, err[-2000:])
        got = []
        for exe in exes:
            rc, out, err = sh([exe, str(seed)], 30)
            if rc != 0:
                return want, "%s exit %s\n%s\n--- stdout\n%s" % (exe, rc, err[-2000:], out[-2000:])
            got.append(out)
        return want, got

    want, got = runs()
    if want is None:
        return "generator", got
    for attempt in range(args.retries + 1):
        if isinstance(got, list) and all(g == want for g in got):
            return ("ok" if attempt == 0 else "flaky"), ""
        if attempt == args.retries:
            break
        with run_lock:  # quietly, one at a time
            want, got = runs()
            if want is None:
                return "generator", got
    if not isinstance(got, list):
        return "run", got
    import difflib
    bad = next(g for g in got if g != want)
    return "diverge", "".join(list(difflib.unified_diff(
        want.splitlines(True), bad.splitlines(True), "python", "cosm", n=2))[:40])


def check_batch(seeds, args, work):
    """{seed: (status, detail)} for a batch compiled as one file; a batch that
    does not lower or compile is retried one program at a time."""
    d = os.path.join(work, "batch-%d" % seeds[0])
    os.makedirs(d, exist_ok=True)
    exes, failure = build("batch", gen.batch(seeds), args, d)
    res = {}
    if exes is not None:
        for s in seeds:
            res[s] = compare(s, exes, args, d)
        return res
    for s in seeds:
        exes, failure = build("prog-%d" % s, gen.batch([s]), args, d)
        res[s] = failure if exes is None else compare(s, exes, args, d)
    return res


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--count", type=int, default=40)
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--keep", default=None, help="directory for failing cases (default: ./fuzz-failures)")
    ap.add_argument("--build", default=os.environ.get("COSM_BUILD_DIR", os.path.join(ROOT, "build")))
    ap.add_argument("--cosm-lower", dest="cosm_lower", default=None)
    ap.add_argument("--cxx", default="g++")
    ap.add_argument("--incdir", default=os.path.join(ROOT, "runtime", "include"))
    ap.add_argument("--ldflags", default=None,
                    help="what to link after the source (default: BUILD/runtime/libcosm.a -pthread)")
    ap.add_argument("--clangxx", default="clang++-19")
    ap.add_argument("--clang", action="store_true", help="also compile with --clangxx")
    ap.add_argument("--retries", type=int, default=2)
    ap.add_argument("--batch", type=int, default=8,
                    help="programs per compiled file (lowering and compiling dominate the cost)")
    ap.add_argument("--quiet", action="store_true", help="no progress line")
    args = ap.parse_args()
    args.cosm_lower = args.cosm_lower or os.path.join(args.build, "tool", "cosm-lower")
    if args.ldflags is None:
        args.ldflags = [os.path.join(args.build, "runtime", "libcosm.a"), "-pthread"]
    else:
        args.ldflags = shlex.split(args.ldflags)
    keep = args.keep or os.path.join(os.getcwd(), "fuzz-failures")

    work = tempfile.mkdtemp(prefix="cosm-fuzz-")
    seeds = list(range(args.seed, args.seed + args.count))
    results = {}
    start = time.time()
    tty = sys.stderr.isatty() and not args.quiet
    batches = [seeds[i:i + args.batch] for i in range(0, len(seeds), args.batch)]
    try:
        with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as ex:
            futs = {ex.submit(check_batch, b, args, work): b for b in batches}
            for fut in concurrent.futures.as_completed(futs):
                b = futs[fut]
                try:
                    results.update(fut.result())
                except Exception as e:  # a driver bug: report, go on
                    results.update({s: ("driver", repr(e)) for s in b})
                nfail = sum(1 for st, _ in results.values() if st not in ("ok", "flaky"))
                line = "[%d/%d] %d failing, %.0fs" % (len(results), len(seeds), nfail, time.time() - start)
                if tty:
                    sys.stderr.write("\r" + line + "   ")
                    sys.stderr.flush()
                elif not args.quiet:
                    print(line, flush=True)
                for s in b:
                    st = results[s][0]
                    if st in ("ok", "flaky"):
                        continue
                    dst = os.path.join(keep, "seed-%d" % s)
                    shutil.rmtree(dst, ignore_errors=True)
                    os.makedirs(dst)
                    cpp, py = gen.generate(s)
                    with open(os.path.join(dst, "prog.cpp"), "w") as f:
                        f.write(cpp)
                    with open(os.path.join(dst, "prog.py"), "w") as f:
                        f.write(py)
                    with open(os.path.join(dst, "error.txt"), "w") as f:
                        f.write(st + "\n" + results[s][1])
                shutil.rmtree(os.path.join(work, "batch-%d" % b[0]), ignore_errors=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if tty:
        sys.stderr.write("\n")
    fails = sorted(s for s, (st, _) in results.items() if st not in ("ok", "flaky"))
    flaky = sorted(s for s, (st, _) in results.items() if st == "flaky")
    for s in fails:
        st, detail = results[s]
        print("FAIL seed %d: %s (kept in %s)" % (s, st, os.path.join(keep, "seed-%d" % s)))
        print("  " + "\n  ".join(detail.splitlines()[:25]))
    if flaky:
        print("flaky (passed on a retry, timing): seeds %s" % " ".join(map(str, flaky)))
    print("%d programs, %d passed, %d failed, %d flaky, %.0fs" % (
        len(seeds), len(seeds) - len(fails), len(fails), len(flaky), time.time() - start))
    return 1 if fails else 0


if __name__ == "__main__":
    sys.exit(main())
