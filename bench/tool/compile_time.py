#!/usr/bin/env python3
"""Workload 7 (issue 15): how long the lowered code takes to compile, against
the same program written as C++20 coroutines. gen_input.py writes both forms
with N functions; cosm-lower lowers the cosm form; each form is compiled
(-c, -O2) with g++ and clang++-19, and the CPU seconds of each compile (user
+ system of the compiler, not of this script) are reported in total and per
function.

    bench/tool/compile_time.py 100                   # one size, a table
    bench/tool/compile_time.py 10 100 --runs 3 --json out.json

bench/run runs it as workload 7 (`--only compile`, sizes --compile-sizes).
"""

import argparse
import json
import os
import re
import resource
import statistics
import subprocess
import sys

TOOL = os.path.dirname(os.path.abspath(__file__))
BENCH = os.path.dirname(TOOL)
ROOT = os.path.dirname(BENCH)

# peer: (form, compiler, -std). The cosm form is the lowered file.
PEERS = {
    "cosm-gcc": ("cosm", "g++", "c++17"),
    "cosm-clang": ("cosm", "clang++-19", "c++17"),
    "coro20-gcc": ("coro20", "g++", "c++20"),
    "coro20-clang": ("coro20", "clang++-19", "c++20"),
}


def run(cmd):
    """CPU seconds of the child that runs cmd (it must succeed)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    done = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise RuntimeError("%s failed (%d):\n%s" % (" ".join(cmd), done.returncode,
                                                   done.stderr[-2000:]))
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def inputs(n, workdir, lower):
    """The lowered cosm form and the C++20 form of the n-function program,
    and how many functions each holds (a check that both are the program)."""
    os.makedirs(workdir, exist_ok=True)
    src = os.path.join(workdir, "compile-%d.cpp" % n)
    src20 = os.path.join(workdir, "compile-%d.coro20.cpp" % n)
    lowered = os.path.join(workdir, "compile-%d.lowered.cpp" % n)
    subprocess.run([sys.executable, os.path.join(TOOL, "gen_input.py"), str(n), src,
                    "--coro20", src20], check=True)
    run([lower, src, "-o", lowered, "--", "-std=c++17",
         "-I" + os.path.join(ROOT, "runtime", "include")])
    with open(lowered) as f:
        frames = len(re.findall(r"^struct f\d+_frame final", f.read(), re.M))
    with open(src20) as f:
        coroutines = len(re.findall(r"^fifo::Task<int> f\d+\(", f.read(), re.M))
    return {"cosm": (lowered, frames), "coro20": (src20, coroutines)}


def command(peer, files):
    form, cxx, std = PEERS[peer]
    include = os.path.join(ROOT, "runtime", "include") if form == "cosm" else \
        os.path.join(BENCH, "coro20")
    return [cxx, "-O2", "-std=" + std, "-I" + include, "-c", files[form][0], "-o", os.devnull]


def measure(n, workdir, lower, peers, runs, progress=None):
    """{peer: {checksums, median, min, max, units}} in bench/run's format:
    cpu (s) and per_function (ms), the median of runs after one warm-up."""
    files = inputs(n, workdir, lower)
    results = {}
    for peer in peers:
        cpus = []
        for r in range(runs + 1):
            if progress:
                progress(peer, "warm-up" if r == 0 else "run %d/%d" % (r, runs))
            cpu = run(command(peer, files))
            if r > 0:
                cpus.append({"cpu": cpu, "per_function": cpu * 1000.0 / n})
        results[peer] = {
            "checksums": [files[PEERS[peer][0]][1]],
            "median": {k: statistics.median(c[k] for c in cpus) for k in cpus[0]},
            "min": {k: min(c[k] for c in cpus) for k in cpus[0]},
            "max": {k: max(c[k] for c in cpus) for k in cpus[0]},
            "units": {"cpu": "s", "per_function": "ms"},
        }
    return results


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("sizes", type=int, nargs="+", help="functions per file")
    p.add_argument("--cosm-lower", default=os.path.join(ROOT, "build", "tool", "cosm-lower"))
    p.add_argument("--peers", default=",".join(PEERS),
                   help="comma-separated: " + ",".join(PEERS))
    p.add_argument("--runs", type=int, default=1, help="timed runs after the warm-up")
    p.add_argument("--work-dir", default=os.path.join(ROOT, "build-bench", "compile"))
    p.add_argument("--json", help="also write the results here")
    args = p.parse_args()
    peers = [x for x in args.peers.split(",") if x]
    unknown = [x for x in peers if x not in PEERS]
    if unknown or args.runs < 1 or min(args.sizes) < 1:
        p.error("unknown peers %s, or --runs or a size < 1" % ",".join(unknown))
    out = {}
    print("| functions | peer | CPU s | ms per function | vs C++20 (same compiler) |")
    print("| --- | --- | --- | --- | --- |")
    for n in args.sizes:
        results = measure(n, args.work_dir, args.cosm_lower, peers, args.runs)
        out[n] = results
        for peer, r in results.items():
            twin = peer.replace("cosm-", "coro20-") if peer.startswith("cosm-") else None
            ratio = "n/a"
            if twin in results and results[twin]["median"]["cpu"] > 0:
                ratio = "%.2fx" % (r["median"]["cpu"] / results[twin]["median"]["cpu"])
            print("| %d | %s | %.2f | %.1f | %s |" % (n, peer, r["median"]["cpu"],
                                                      r["median"]["per_function"], ratio))
            if r["checksums"] != [n]:
                sys.exit("%s: %s functions in the file, %d expected" % (peer, r["checksums"], n))
    if args.json:
        with open(args.json, "w") as f:
            json.dump(out, f, indent=1)


if __name__ == "__main__":
    main()
