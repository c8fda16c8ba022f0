"""The workloads of issue 6, their sizes, and the peers that run them
(bench/run builds and runs them; bench/report.py presents them)."""

import collections

# kind: which directory holds the programs; needs: what bench/run checks
# before it builds or runs the peer.
PEERS = collections.OrderedDict([
    ("cosm-gcc", {"kind": "cosm", "cxx": "g++", "std": "c++17", "needs": ["g++"],
                  "label": "cosm (g++ 12)"}),
    ("cosm-clang", {"kind": "cosm", "cxx": "clang++-19", "std": "c++17",
                    "needs": ["clang++-19"], "label": "cosm (clang++ 19)"}),
    ("coro20-gcc", {"kind": "coro20", "cxx": "g++", "std": "c++20", "needs": ["g++"],
                    "label": "C++20 FIFO (g++ 12)"}),
    ("coro20-clang", {"kind": "coro20", "cxx": "clang++-19", "std": "c++20",
                      "needs": ["clang++-19"], "label": "C++20 FIFO (clang++ 19)"}),
    ("asio-gcc", {"kind": "asio", "cxx": "g++", "std": "c++20", "needs": ["g++", "boost"],
                  "label": "Boost.Asio (g++ 12)"}),
    ("asyncio", {"kind": "python", "needs": [], "label": "asyncio"}),
    ("uvloop", {"kind": "python", "flags": ["--uvloop"], "needs": ["uvloop"],
                "label": "uvloop"}),
])

# Which workloads each kind of program exists for. The C++20 FIFO peer has
# no timers: a minimal FIFO scheduler is exactly what it is.
PROGRAMS = {
    "cosm": {"yield", "spawn", "nested", "parked", "timers"},
    "coro20": {"yield", "spawn", "nested", "parked"},
    "asio": {"yield", "spawn", "nested", "parked", "timers"},
    "python": {"yield", "spawn", "nested", "parked", "timers"},
}

NAMES = ["yield", "spawn", "nested", "parked", "timers", "tool", "compile"]

# The headline metric of each workload (what the plots and ratios use).
HEADLINE = {"yield": "step", "spawn": "task", "nested": "call", "parked": "wake",
            "timers": "fire", "tool": "cpu", "compile": "per_function"}


def headline(workload, variant):
    return "resume" if variant == "resume" else HEADLINE[workload]

Case = collections.namedtuple("Case", "workload variant title args")

# (workload, variant, title, full-size args, index of the argument --scale
# scales, quick args). Programs take VARIANT N [M].
TABLE = [
    ("yield", "pingpong", "ping-pong, 2 tasks x 5M yields", [2, 5000000], 1, [2, 2000]),
    ("yield", "rr", "round-robin, 10k tasks x 1000 yields", [10000, 1000], 1, [100, 20]),
    ("yield", "rr", "round-robin, 1M tasks x 10 yields", [1000000, 10], 0, [2000, 2]),
    ("spawn", "one", "spawn + await one at a time, 1M tasks", [1000000], 0, [2000]),
    ("spawn", "burst", "spawn 1M tasks, then await them", [1000000], 0, [2000]),
    ("nested", "await", "await depth 1, 1M calls, 1% suspend", [1000000, 1], 0, [2000, 1]),
    ("nested", "await", "await depth 10, 1M calls, 1% suspend", [1000000, 10], 0, [2000, 10]),
    ("nested", "plain", "plain call depth 1, 1M calls", [1000000, 1], 0, [2000, 1]),
    ("nested", "plain", "plain calls depth 10, 1M calls", [1000000, 10], 0, [2000, 10]),
    ("nested", "resume", "resume at depth 1, 1M yields", [1000000, 1], 0, [2000, 1]),
    ("nested", "resume", "resume at depth 10, 1M yields", [1000000, 10], 0, [2000, 10]),
    ("parked", "event", "1M tasks parked on one event", [1000000], 0, [2000]),
    ("timers", "random", "100k timers in 0-50 ms, half cancelled", [100000], 0, [2000]),
]

TOOL_SIZES = [10, 100, 1000, 10000]
# Workload 7: functions per file compiled (lowered cosm, C++20 coroutines).
COMPILE_SIZES = [100, 1000]


def cases(only, scale, quick, tool_sizes, compile_sizes=None):
    """The cases of the chosen workloads, at full, scaled or quick sizes."""
    out = []
    for workload, variant, title, full, scaled, tiny in TABLE:
        if workload not in only:
            continue
        args = list(tiny if quick else full)
        if quick:
            title += " (quick: %s)" % " ".join(str(a) for a in args)
        elif scale != 1.0:
            args[scaled] = max(1, int(round(args[scaled] * scale)))
            title += " (x%g: %s)" % (scale, " ".join(str(a) for a in args))
        out.append(Case(workload, variant, title, [variant] + args))
    if "tool" in only:
        sizes = tool_sizes or ([10] if quick else TOOL_SIZES)
        for n in sizes:
            out.append(Case("tool", "lower", "cosm-lower vs clang -fsyntax-only, %d functions" % n,
                            [n]))
    if "compile" in only:
        sizes = compile_sizes or ([3] if quick else COMPILE_SIZES)
        for n in sizes:
            out.append(Case("compile", "O2", "compile at -O2: lowered cosm vs C++20 coroutines, "
                            "%d functions" % n, [n]))
    return out


def runs_on(peer, case):
    return case.workload in PROGRAMS[PEERS[peer]["kind"]]
