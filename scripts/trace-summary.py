#!/usr/bin/env python3
"""Checks a cosm trace (COSM_TRACE, Chrome trace-event JSON) and prints its
structure without the timestamps, for FileCheck.

Checked: the file is JSON with a traceEvents list; every event has a known
phase and integer pid/tid; every track that has events is named; the task
steps of one loop never overlap (one thread runs them); every flow has one
start and one end with the same name, each strictly inside a step slice of
its own track (so Perfetto and chrome://tracing bind them there), and ends
later than it starts.

Printed, in file order:
  track <pid>.<tid> <thread name>
  step <pid>.<tid> <slice name> #<step> <result> [waits_for=<...>]
then, by flow id:
  flow <name> <task>#<step> -> <task>#<step>
"""
import json
import sys
from decimal import Decimal


def fail(msg):
    sys.exit("trace-summary.py: " + msg)


def main(path):
    with open(path, encoding="utf-8") as f:
        doc = json.load(f, parse_float=Decimal)
    events = doc.get("traceEvents")
    if not isinstance(events, list):
        fail("no traceEvents list")

    names, slices, flows = {}, [], {}
    for e in events:
        ph = e.get("ph")
        if ph not in ("M", "X", "s", "f"):
            fail("unexpected phase %r" % (ph,))
        if not isinstance(e.get("pid"), int) or not isinstance(e.get("tid"), int):
            fail("pid/tid are not integers: %r" % (e,))
        track = (e["pid"], e["tid"])
        if ph == "M":
            if e["name"] == "thread_name":
                names[track] = e["args"]["name"]
                print("track %d.%d %s" % (track + (e["args"]["name"],)))
        elif ph == "X":
            if e["dur"] < 0 or e["ts"] < 0:
                fail("negative time in %r" % (e,))
            slices.append(e)
            a = e["args"]
            line = "step %d.%d %s #%d %s" % (track + (e["name"], a["step"], a["result"]))
            if "waits_for" in a:
                line += " waits_for=" + a["waits_for"]
            print(line)
        else:
            flows.setdefault(e["id"], {})
            if ph in flows[e["id"]]:
                fail("flow %d has two %r events" % (e["id"], ph))
            flows[e["id"]][ph] = e

    for s in slices:
        if (s["pid"], s["tid"]) not in names:
            fail("track %d.%d has no thread_name" % (s["pid"], s["tid"]))
    by_loop = {}
    for s in slices:
        by_loop.setdefault(s["pid"], []).append(s)
    for pid, steps in by_loop.items():
        steps.sort(key=lambda s: s["ts"])
        for a, b in zip(steps, steps[1:]):
            if a["ts"] + a["dur"] > b["ts"]:
                fail("steps overlap in loop %d: %s and %s" % (pid, a["name"], b["name"]))

    def enclosing(e):
        found = [s for s in slices
                 if (s["pid"], s["tid"]) == (e["pid"], e["tid"])
                 and s["ts"] < e["ts"] < s["ts"] + s["dur"]]
        if len(found) != 1:
            fail("flow event %r is inside %d slices of its track" % (e, len(found)))
        return found[0]

    def label(s):
        return "%s#%d" % (s["args"]["task"], s["args"]["step"])

    for fid in sorted(flows):
        pair = flows[fid]
        if set(pair) != {"s", "f"}:
            fail("flow %d lacks a start or an end: %r" % (fid, pair))
        start, end = pair["s"], pair["f"]
        if start["name"] != end["name"] or end.get("bp") != "e":
            fail("flow %d: mismatched events %r %r" % (fid, start, end))
        src, dst = enclosing(start), enclosing(end)
        if not end["ts"] > start["ts"]:
            fail("flow %d ends before it starts" % fid)
        print("flow %s %s -> %s" % (start["name"], label(src), label(dst)))


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: trace-summary.py TRACE.json")
    main(sys.argv[1])
