#!/usr/bin/env python3
"""Seeded random program generator for differential testing (issue 5).

    gen.py --seed N [--out DIR]      writes DIR/prog.cpp and DIR/prog.py

Each seed gives one program written twice: against cosm's public API (to be
lowered by cosm-lower) and with Python's asyncio. Both print the same trace and
a final checksum when cosm behaves like CPython 3.11's asyncio.

Constructs drawn from: coroutine awaits (chains of functions, a recursive one),
sleep(0), timed sleeps, tasks created and awaited in random orders, gather,
loops (for/while) with awaits in bodies and conditions, break/continue, early
returns, && / || / ?: with awaits, awaits inside call arguments, exceptions
thrown after awaits and caught across frames and tasks (std::runtime_error <->
RuntimeError), awaits inside catch handlers, cancellation of sleeping tasks
(handlers print, re-raise or swallow), objects whose destructors print (Python:
try/finally), and COSM_ASYNC member functions.

Only constructs cosm-lower accepts are generated (see FINDINGS.md: no unnamed
catch parameters, F14; recursion is declared first, F1; no default-argument
constructors for frame locals, F13).

Timing: every timed sleep goes through nap(slot), which sleeps until
t0 + slot * UNIT on a timer of its own (call_at). Deadlines are absolute, so
drift does not accumulate, and distinct slots are UNIT (10 ms) apart. The naps
of one slot share one deadline, computed the same way in both languages: they
fire in one pass, in the order of CPython's heapq, which cosm's timer heap
follows move for move (a per-nap offset instead, tens of microseconds, let
the loop's wake-up fall between two naps of a slot and fire them in
different passes, at random). A nap whose deadline is less than UNIT/2 away when it is
called is a plain sleep(0), in both languages, so the same decision is taken on
both sides unless the machine stalls for several milliseconds. Programs are
small (a few hundred loop passes) so that all work between two slots finishes
long before the next one.
"""

import argparse
import os
import random

UNIT = 0.01  # seconds between slots
MOD = 1000003

CPP_INCLUDES = """#include <cosm/cosm.hpp>
#include <cstdio>
#include <stdexcept>
#include <string>
#include <tuple>
"""

CPP_PRELUDE = r"""
static long long checksum = 7;
static double t0 = 0;

static void tr(const std::string &s) {
  std::printf("%s\n", s.c_str());
  for (char c : s)
    checksum = (checksum * 131 + (unsigned char)c) % 1000000007LL;
}
static std::string S(long long v) { return std::to_string(v); }

struct Noisy {
  std::string n;
  explicit Noisy(std::string s) : n(std::move(s)) { tr("+" + n); }
  ~Noisy() { tr("-" + n); }
};

// Sleeps until slot * UNIT after t0 (see gen.py): a timer at that deadline,
// the same for every nap of the slot, as asyncio.sleep builds one.
COSM_ASYNC cosm::Coro<void> nap(int slot) {
  cosm::Loop &loop = cosm::get_running_loop();
  double when = t0 + slot * @UNIT@;
  if (when - loop.time() < @HALF@) {
    cosm::await(cosm::sleep(0));
    return;
  }
  cosm::Future<void> fut;
  cosm::TimerHandle h = loop.call_at(when, [fut] {
    if (!fut.done())
      fut.set_result();
  });
  try {
    cosm::await(fut);
  } catch (...) {
    h.cancel();
    throw;
  }
  h.cancel();
}
"""

PY_PRELUDE = r"""import asyncio

checksum = 7
t0 = 0.0

def tr(s):
    global checksum
    print(s)
    for c in s.encode():
        checksum = (checksum * 131 + c) % 1000000007

def wake(fut):
    if not fut.done():
        fut.set_result(None)

async def nap(slot):
    loop = asyncio.get_running_loop()
    when = t0 + slot * @UNIT@
    if when - loop.time() < @HALF@:
        await asyncio.sleep(0)
        return
    fut = loop.create_future()
    h = loop.call_at(when, wake, fut)
    try:
        await fut
    finally:
        h.cancel()
"""


class Out:
    """Two parallel outputs (C++ and Python) with their own indentation."""

    def __init__(self):
        self.c = []
        self.p = []
        self.ci = 0
        self.pi = 0
        self.pcount = []  # statements emitted per open Python block

    def cpp(self, line):
        self.c.append("  " * self.ci + line)

    def py(self, line):
        self.p.append("    " * self.pi + line)
        if self.pcount:
            self.pcount[-1] += 1

    def both(self, c, p):
        self.cpp(c)
        self.py(p)

    def copen(self, line):
        self.cpp(line)
        self.ci += 1

    def cclose(self, line="}"):
        self.ci -= 1
        self.cpp(line)

    def popen(self, line):
        self.py(line)
        self.pi += 1
        self.pcount.append(0)

    def pclose(self):
        if self.pcount.pop() == 0:
            self.py("pass")
        self.pi -= 1


class Func:
    def __init__(self, name, idx):
        self.name = name
        self.idx = idx
        self.may_throw = False
        self.cost = 1  # rough number of trace lines / passes per call


class Gen:
    def __init__(self, seed):
        self.r = random.Random(seed)
        self.seed = seed
        self.o = Out()
        self.funcs = []
        self.slot = 1
        self.uid = 0

    def fresh(self, p):
        self.uid += 1
        return "%s%d" % (p, self.uid)

    def next_slot(self):
        self.slot += 1
        return self.slot

    # ----- expressions --------------------------------------------------
    def small(self):
        return str(self.r.randint(0, 9))

    def val(self, ctx):
        """A non-negative int expression (same text in both languages)."""
        if self.r.random() < 0.2:
            return self.small()
        return self.r.choice(["x", "x"] + ctx["ints"])

    def callee(self, ctx, throwing_ok=False, budget=40):
        cands = [f for f in self.funcs if f.idx > ctx["fn"].idx and f.cost <= budget
                 and (throwing_ok or not f.may_throw)]
        if not cands:
            return None
        return self.r.choice(cands)

    # ----- statements ---------------------------------------------------
    def stmts(self, ctx, n, depth):
        cost = 0
        for _ in range(n):
            cost += self.stmt(ctx, depth)
        return cost

    def stmt(self, ctx, depth):
        o, r = self.o, self.r
        fn = ctx["fn"]
        kinds = ["trace", "sleep0", "call", "call", "nap", "arith"]
        if depth < 2:
            kinds += ["if", "loop", "guard", "try", "shortc", "ternary", "args",
                      "ifvar", "whilevar", "forvar", "retry", "skip", "alambda"]
        kinds += ["klambda", "tlambda", "tawait", "pack"]
        if ctx["loop"]:
            kinds += ["brk"]
        if ctx["can_return"]:
            kinds += ["ret"]
        if ctx["is_main"] or ctx["tasks_ok"]:
            kinds += ["gather"]
        k = r.choice(kinds)
        tag = "%s.%s" % (fn.name, self.fresh("s"))
        if k == "trace":
            v = self.val(ctx)
            o.both('tr("%s " + S(%s));' % (tag, v), 'tr("%s " + str(%s))' % (tag, v))
            return 1
        if k == "sleep0":
            o.both("cosm::await(cosm::sleep(0));", "await asyncio.sleep(0)")
            return 1
        if k == "nap":
            s = self.next_slot()
            o.both("cosm::await(nap(%d));" % s, "await nap(%d)" % s)
            o.both('tr("%s woke");' % tag, 'tr("%s woke")' % tag)
            return 2
        if k == "arith":
            v = self.val(ctx)
            m = r.randint(2, 7)
            o.both("x = (x * %d + %s) %% %d;" % (m, v, MOD), "x = (x * %d + %s) %% %d" % (m, v, MOD))
            return 0
        if k == "call":
            f = self.callee(ctx, throwing_ok=ctx["in_try"], budget=ctx["budget"])
            if f is None:
                o.both("cosm::await(cosm::sleep(0));", "await asyncio.sleep(0)")
                return 1
            a = self.val(ctx)
            o.both("x = (x + cosm::await(%s(%s))) %% %d;" % (f.name, a, MOD),
                   "x = (x + await %s(%s)) %% %d" % (f.name, a, MOD))
            return f.cost
        if k == "args":
            f = self.callee(ctx, budget=ctx["budget"] // 2)
            g = self.callee(ctx, budget=ctx["budget"] // 2)
            if f is None or g is None:
                return 0
            a, b = self.val(ctx), self.val(ctx)
            o.both('tr("%s " + S(cosm::await(%s(%s))) + " " + S(cosm::await(%s(%s))));' % (tag, f.name, a, g.name, b),
                   'tr("%s " + str(await %s(%s)) + " " + str(await %s(%s)))' % (tag, f.name, a, g.name, b))
            return f.cost + g.cost
        if k == "ternary":
            f = self.callee(ctx, budget=ctx["budget"] // 2)
            g = self.callee(ctx, budget=ctx["budget"] // 2)
            if f is None or g is None:
                return 0
            cv, cm = self.val(ctx), r.randint(2, 3)
            c = "cosm::await(pred(%s, %d))" % (cv, cm)
            pc = "await pred(%s, %d)" % (cv, cm)
            a, b = self.val(ctx), self.val(ctx)
            o.both("x = (%s ? cosm::await(%s(%s)) : cosm::await(%s(%s))) %% %d;" % (c, f.name, a, g.name, b, MOD),
                   "x = (await %s(%s) if %s else await %s(%s)) %% %d" % (f.name, a, pc, g.name, b, MOD))
            return max(f.cost, g.cost) + 1
        if k == "shortc":
            op = r.choice(["&&", "||"])
            pop = "and" if op == "&&" else "or"
            conds = []
            for _ in range(r.randint(2, 3)):
                conds.append((self.val(ctx), r.randint(2, 3)))
            c = (" %s " % op).join("cosm::await(pred(%s, %d))" % cm for cm in conds)
            p = (" %s " % pop).join("await pred(%s, %d)" % cm for cm in conds)
            o.copen("if (%s) {" % c)
            o.popen("if %s:" % p)
            cost = self.stmts(ctx, r.randint(1, 2), depth + 1)
            o.cclose()
            o.pclose()
            return cost + len(conds)
        if k == "if":
            v, m = self.val(ctx), r.randint(2, 4)
            rem = r.randint(0, m - 1)
            o.copen("if (%s %% %d == %d) {" % (v, m, rem))
            o.popen("if %s %% %d == %d:" % (v, m, rem))
            c1 = self.stmts(ctx, r.randint(1, 3), depth + 1)
            o.ci -= 1
            o.cpp("} else {")
            o.ci += 1
            o.pclose()
            o.popen("else:")
            c2 = self.stmts(ctx, r.randint(0, 2), depth + 1)
            o.cclose()
            o.pclose()
            return max(c1, c2)
        if k == "loop":
            var = self.fresh("i")
            n = r.randint(1, 3)
            sub = dict(ctx, loop=True, ints=ctx["ints"] + [var], budget=max(1, ctx["budget"] // n))
            if r.random() < 0.5:
                o.copen("for (int %s = 0; %s < %d; ++%s) {" % (var, var, n, var))
                o.popen("for %s in range(%d):" % (var, n))
                cost = self.stmts(sub, r.randint(1, 3), depth + 1)
                o.cclose()
                o.pclose()
            else:
                # while with an await in its condition
                o.cpp("int %s = 0;" % var)
                o.py("%s = 0" % var)
                o.copen("while (cosm::await(count(%s)) < %d) {" % (var, n))
                o.popen("while await count(%s) < %d:" % (var, n))
                o.both("++%s;" % var, "%s += 1" % var)
                cost = self.stmts(sub, r.randint(1, 3), depth + 1) + 1
                o.cclose()
                o.pclose()
            return cost * n + 1
        if k == "ifvar":
            # an if whose init-statement awaits; the variable is read in both
            # branches, after their suspensions
            var, m, a = self.fresh("v"), r.randint(2, 4), self.val(ctx)
            sub = dict(ctx, ints=ctx["ints"] + [var])
            o.py("%s = (await count(%s)) %% %d" % (var, a, m))
            o.copen("if (int %s = cosm::await(count(%s)) %% %d; %s != 0) {" % (var, a, m, var))
            o.popen("if %s != 0:" % var)
            c1 = self.stmts(sub, r.randint(1, 2), depth + 1)
            o.both('tr("%s then " + S(%s));' % (tag, var), 'tr("%s then " + str(%s))' % (tag, var))
            o.ci -= 1
            o.cpp("} else {")
            o.ci += 1
            o.pclose()
            o.popen("else:")
            c2 = self.stmts(sub, r.randint(0, 2), depth + 1)
            o.both('tr("%s else " + S(%s));' % (tag, var), 'tr("%s else " + str(%s))' % (tag, var))
            o.cclose()
            o.pclose()
            return max(c1, c2) + 1
        if k == "whilevar":
            # `while (int left = n - await(count(i)))`: a condition variable
            # declared by each iteration
            i, left, n = self.fresh("i"), self.fresh("left"), r.randint(1, 3)
            sub = dict(ctx, loop=True, ints=ctx["ints"] + [i, left], budget=max(1, ctx["budget"] // n))
            o.both("int %s = 0;" % i, "%s = 0" % i)
            o.copen("while (int %s = %d - cosm::await(count(%s))) {" % (left, n, i))
            o.popen("while True:")
            o.py("%s = %d - await count(%s)" % (left, n, i))
            o.popen("if not %s:" % left)
            o.py("break")
            o.pclose()
            o.both("++%s;" % i, "%s += 1" % i)
            cost = self.stmts(sub, r.randint(1, 3), depth + 1) + 1
            o.cclose()
            o.pclose()
            return cost * n + 1
        if k == "forvar":
            # `for (int i = 0; int left = n - await(count(i)); ++i)`: the
            # variable lives through the increment (Python: try/finally)
            i, left, n = self.fresh("i"), self.fresh("left"), r.randint(1, 3)
            sub = dict(ctx, loop=True, ints=ctx["ints"] + [i, left], budget=max(1, ctx["budget"] // n))
            o.copen("for (int %s = 0; int %s = %d - cosm::await(count(%s)); ++%s) {" % (i, left, n, i, i))
            o.py("%s = 0" % i)
            o.popen("while True:")
            o.py("%s = %d - await count(%s)" % (left, n, i))
            o.popen("if not %s:" % left)
            o.py("break")
            o.pclose()
            o.popen("try:")
            cost = self.stmts(sub, r.randint(1, 3), depth + 1) + 1
            o.pclose()
            o.popen("finally:")
            o.py("%s += 1" % i)
            o.pclose()
            o.cclose()
            o.pclose()
            return cost * n + 1
        if k == "retry":
            # a backward goto: the block runs again while tries < n
            tries, label, n = self.fresh("tries"), self.fresh("again"), r.randint(2, 3)
            sub = dict(ctx, loop=False, ints=ctx["ints"] + [tries], budget=max(1, ctx["budget"] // n))
            o.copen("{")
            o.both("int %s = 0;" % tries, "%s = 0" % tries)
            o.popen("while True:")
            o.ci -= 1
            o.cpp("%s:" % label)
            o.ci += 1
            o.copen("{")
            cost = self.stmts(sub, r.randint(1, 2), depth + 1)
            o.cclose()
            o.both("if (++%s < %d)" % (tries, n), "%s += 1" % tries)
            o.cpp("  goto %s;" % label)
            o.popen("if %s < %d:" % (tries, n))
            o.py("continue")
            o.pclose()
            o.py("break")
            o.cclose()
            o.pclose()
            return cost * n + 1
        if k == "skip":
            # a forward goto over a block that suspends
            v, m, label = self.val(ctx), r.randint(2, 3), self.fresh("skip")
            o.both('tr("%s " + S(%s %% %d));' % (tag, v, m), 'tr("%s " + str(%s %% %d))' % (tag, v, m))
            o.cpp("if (%s %% %d == 0)" % (v, m))
            o.cpp("  goto %s;" % label)
            o.copen("{")
            o.popen("if not (%s %% %d == 0):" % (v, m))
            cost = self.stmts(ctx, r.randint(1, 2), depth + 1)
            o.cclose()
            o.pclose()
            o.cpp("%s:;" % label)
            return cost
        if k == "brk":
            v, m = self.val(ctx), r.randint(2, 3)
            word = r.choice(["break", "continue"])
            o.copen("if (%s %% %d == 0) {" % (v, m))
            o.popen("if %s %% %d == 0:" % (v, m))
            o.both('tr("%s %s");' % (tag, word), 'tr("%s %s")' % (tag, word))
            o.both(word + ";", word)
            o.cclose()
            o.pclose()
            return 1
        if k == "ret":
            v, m = self.val(ctx), r.randint(2, 4)
            o.copen("if (%s %% %d == 1) {" % (v, m))
            o.popen("if %s %% %d == 1:" % (v, m))
            o.both('tr("%s return");' % tag, 'tr("%s return")' % tag)
            o.both("return x;", "return x")
            o.cclose()
            o.pclose()
            return 1
        if k == "guard":
            g = self.fresh("g")
            o.copen("{")
            o.cpp('Noisy %s("%s.%s");' % (g, fn.name, g))
            o.py('tr("+%s.%s")' % (fn.name, g))
            o.popen("try:")
            cost = self.stmts(ctx, r.randint(1, 3), depth + 1)
            o.cclose()
            o.pclose()
            o.popen("finally:")
            o.py('tr("-%s.%s")' % (fn.name, g))
            o.pclose()
            return cost + 2
        if k == "try":
            e = self.fresh("e")
            sub = dict(ctx, in_try=True)
            o.copen("try {")
            o.popen("try:")
            cost = self.stmts(sub, r.randint(1, 2), depth + 1)
            # a throw at the end of the try block, maybe
            if r.random() < 0.5:
                v, m = self.val(ctx), r.randint(2, 3)
                o.both('if (%s %% %d == 0) throw std::runtime_error("%s thrown " + S(%s));' % (v, m, tag, v),
                       'if %s %% %d == 0: raise RuntimeError("%s thrown " + str(%s))' % (v, m, tag, v))
            o.cclose("} catch (const std::runtime_error &%s) {" % e)
            o.ci += 1
            o.pclose()
            o.popen("except RuntimeError as %s:" % e)
            o.both('tr("%s caught " + std::string(%s.what()));' % (tag, e),
                   'tr("%s caught " + str(%s))' % (tag, e))
            if r.random() < 0.4:
                o.both("cosm::await(cosm::sleep(0));", "await asyncio.sleep(0)")
                o.both('tr("%s still " + std::string(%s.what()));' % (tag, e),
                       'tr("%s still " + str(%s))' % (tag, e))
            o.cclose()
            o.pclose()
            return cost + 2
        if k == "alambda":
            # a COSM_ASYNC lambda invoked in place and awaited inline; it
            # copies everything it uses ([=]), so its x is its own (Python:
            # a nested coroutine function with x as a default argument)
            lam = self.fresh("lam")
            sub = dict(ctx, loop=False, can_return=False, is_main=False, tasks_ok=False,
                       budget=max(1, ctx["budget"] // 2))
            o.copen("x = (x + cosm::await([=] COSM_ASYNC () mutable -> cosm::Coro<int> {")
            o.popen("async def %s(x=x):" % lam)
            o.both('tr("%s lambda " + S(x));' % tag, 'tr("%s lambda " + str(x))' % tag)
            cost = self.stmts(sub, r.randint(1, 3), depth + 1)
            o.both("return x;", "return x")
            o.cclose("}())) %% %d;" % MOD)
            o.pclose()
            o.py("x = (x + await %s()) %% %d" % (lam, MOD))
            return cost + 1
        if k == "klambda":
            # a plain lambda kept across a suspension, capturing x by
            # reference (it reads x when called) or by value (x when made);
            # named apart from the functions (f0, f1, ...), which it would hide
            f, m, v = self.fresh("kf"), r.randint(2, 7), self.val(ctx)
            if r.random() < 0.5:
                o.cpp("auto %s = [&x](int d) { return (x * %d + d) %% %d; };" % (f, m, MOD))
                o.popen("def %s(d):" % f)
                o.py("return (x * %d + d) %% %d" % (m, MOD))
                o.pclose()
            else:
                o.cpp("auto %s = [x](int d) { return (x * %d + d) %% %d; };" % (f, m, MOD))
                o.py("%s = (lambda x0: lambda d: (x0 * %d + d) %% %d)(x)" % (f, m, MOD))
            o.both("cosm::await(cosm::sleep(0));", "await asyncio.sleep(0)")
            o.both("x = %s(%s);" % (f, v), "x = %s(%s)" % (f, v))
            o.both('tr("%s kept " + S(x));' % tag, 'tr("%s kept " + str(x))' % tag)
            return 1
        if k == "tlambda":
            # a task made from a temporary COSM_ASYNC lambda: its captures
            # were copied into the frame, so the task outlives the closure
            t, body, v = self.fresh("t"), self.fresh("tbody"), self.val(ctx)
            o.copen("cosm::Task<int> %s = cosm::create_task([tag = std::string(\"%s\"), v = (%s)] COSM_ASYNC () -> cosm::Coro<int> {" % (t, tag, v))
            o.cpp("cosm::await(cosm::sleep(0));")
            o.cpp('tr(tag + " task " + S(v));')
            o.cpp("return v % 7;")
            o.cclose("}());")
            o.popen("async def %s(tag, v):" % body)
            o.py("await asyncio.sleep(0)")
            o.py('tr(tag + " task " + str(v))')
            o.py("return v % 7")
            o.pclose()
            o.py('%s = asyncio.create_task(%s("%s", %s))' % (t, body, tag, v))
            if r.random() < 0.5:
                o.both("cosm::await(cosm::sleep(0));", "await asyncio.sleep(0)")
            o.both("x = (x + cosm::await(%s)) %% %d;" % (t, MOD), "x = (x + await %s) %% %d" % (t, MOD))
            return 3
        if k == "tawait":
            # via<A>: the same template awaiting a coroutine (inline) or a
            # task (through the loop)
            v, kk = self.val(ctx), r.randint(1, 9)
            if r.random() < 0.5:
                o.both("x = (x + cosm::await(via(count(%s), %d))) %% %d;" % (v, kk, MOD),
                       "x = (x + await via(count(%s), %d)) %% %d" % (v, kk, MOD))
            else:
                t = self.fresh("vt")
                o.both("cosm::Task<int> %s = cosm::create_task(count(%s));" % (t, v),
                       "%s = asyncio.create_task(count(%s))" % (t, v))
                o.both("x = (x + cosm::await(via(%s, %d))) %% %d;" % (t, kk, MOD),
                       "x = (x + await via(%s, %d)) %% %d" % (t, kk, MOD))
            return 2
        if k == "pack":
            # awaits in pack expansions: a variadic template over 0-3 values
            vs = [self.val(ctx) for _ in range(r.randint(0, 3))]
            kk = r.randint(1, 9)
            args = "".join(", " + v for v in vs)
            o.both("x = (x + cosm::await(packed(%d%s))) %% %d;" % (kk, args, MOD),
                   "x = (x + await packed(%d%s)) %% %d" % (kk, args, MOD))
            return 2 + len(vs)
        if k == "gather":
            f = self.callee(ctx, budget=ctx["budget"] // 2)
            g = self.callee(ctx, budget=ctx["budget"] // 2)
            if f is None or g is None:
                return 0
            v = self.fresh("gv")
            a, b = self.val(ctx), self.val(ctx)
            o.both("auto %s = cosm::await(cosm::gather(%s(%s), %s(%s)));" % (v, f.name, a, g.name, b),
                   "%s = await asyncio.gather(%s(%s), %s(%s))" % (v, f.name, a, g.name, b))
            o.both("x = (x + std::get<0>(%s) * 3 + std::get<1>(%s)) %% %d;" % (v, v, MOD),
                   "x = (x + %s[0] * 3 + %s[1]) %% %d" % (v, v, MOD))
            return f.cost + g.cost + 3
        raise AssertionError(k)

    # ----- functions ----------------------------------------------------
    def function(self, f, n_funcs):
        o, r = self.o, self.r
        o.copen("COSM_ASYNC cosm::Coro<int> %s(int a) {" % f.name)
        o.popen("async def %s(a):" % f.name)
        o.both("int x = a;", "x = a")
        o.both('tr("%s start " + S(a));' % f.name, 'tr("%s start " + str(a))' % f.name)
        ctx = dict(fn=f, loop=False, can_return=True, is_main=False, tasks_ok=False,
                   in_try=False, ints=["a"], budget=12)
        cost = self.stmts(ctx, r.randint(1, 4), 0)
        if r.random() < 0.3:
            # may throw after an await: callers catch it
            f.may_throw = True
            m = r.randint(2, 3)
            o.both("cosm::await(cosm::sleep(0));", "await asyncio.sleep(0)")
            o.copen("if (x %% %d == 0) {" % m)
            o.popen("if x %% %d == 0:" % m)
            o.both('tr("%s throws");' % f.name, 'tr("%s throws")' % f.name)
            o.both('throw std::runtime_error("%s failed " + S(x));' % f.name,
                   'raise RuntimeError("%s failed " + str(x))' % f.name)
            o.cclose()
            o.pclose()
        o.both('tr("%s end " + S(x));' % f.name, 'tr("%s end " + str(x))' % f.name)
        o.both("return x;", "return x")
        o.cclose()
        o.pclose()
        o.both("", "")
        f.cost = cost + 2

    def sleeper(self):
        """Tasks that get cancelled: print, maybe clean up, re-raise or not."""
        o = self.o
        o.copen("COSM_ASYNC cosm::Coro<int> sleeper(int id, bool swallow) {")
        o.popen("async def sleeper(id, swallow):")
        o.both('tr("sleeper " + S(id) + " start");', 'tr("sleeper " + str(id) + " start")')
        o.copen("try {")
        o.popen("try:")
        o.both("cosm::await(cosm::sleep(0));", "await asyncio.sleep(0)")
        o.both("cosm::await(nap(100000));", "await nap(100000)")
        o.both('tr("sleeper " + S(id) + " woke");', 'tr("sleeper " + str(id) + " woke")')
        o.cclose("} catch (const cosm::CancelledError &err) {")
        o.ci += 1
        o.pclose()
        o.popen("except asyncio.CancelledError:")
        o.cpp("(void)err;")
        o.both('tr("sleeper " + S(id) + " cancelled");', 'tr("sleeper " + str(id) + " cancelled")')
        o.copen("if (id % 2 == 0) {")
        o.popen("if id % 2 == 0:")
        o.both("cosm::await(cosm::sleep(0));", "await asyncio.sleep(0)")
        o.both('tr("sleeper " + S(id) + " cleaned up");', 'tr("sleeper " + str(id) + " cleaned up")')
        o.cclose()
        o.pclose()
        o.copen("if (!swallow)")
        o.popen("if not swallow:")
        o.both("throw;", "raise")
        o.ci -= 1
        o.pclose()
        o.cclose()
        o.pclose()
        o.both("return id * 100;", "return id * 100")
        o.cclose()
        o.pclose()
        o.both("", "")

    def helpers(self):
        o = self.o
        o.copen("COSM_ASYNC cosm::Coro<bool> pred(int v, int m) {")
        o.popen("async def pred(v, m):")
        o.both('tr("pred " + S(v) + " " + S(m));', 'tr("pred " + str(v) + " " + str(m))')
        o.copen("if (v % 2 == 0)")
        o.popen("if v % 2 == 0:")
        o.both("cosm::await(cosm::sleep(0));", "await asyncio.sleep(0)")
        o.ci -= 1
        o.pclose()
        o.both("return v % m == 0;", "return v % m == 0")
        o.cclose()
        o.pclose()
        o.both("", "")
        o.copen("COSM_ASYNC cosm::Coro<int> count(int v) {")
        o.popen("async def count(v):")
        o.both("cosm::await(cosm::sleep(0));", "await asyncio.sleep(0)")
        o.both("return v;", "return v")
        o.cclose()
        o.pclose()
        o.both("", "")
        # a template whose await's kind its instantiation decides, awaited
        # through an async lambda; lambdas with default captures (which
        # Clang leaves to the instantiations) kept across it: [=] copies
        # base before the change, [&] sees it
        o.cpp("template <class A>")
        o.copen("COSM_ASYNC cosm::Coro<int> via(A a, int k) {")
        o.popen("async def via(a, k):")
        o.both('tr("via " + S(k));', 'tr("via " + str(k))')
        o.both("int base = k;", "base = k")
        o.cpp("auto snap = [=] { return base * 2; };")
        o.py("snap = (lambda base: lambda: base * 2)(base)")
        o.cpp("auto shift = [&](int v) { return (v + base) % 1000; };")
        o.py("def shift(v):")
        o.py("    return (v + base) % 1000")
        o.both("base = base + 1;", "base = base + 1")
        o.cpp("int v = cosm::await([&] COSM_ASYNC () -> cosm::Coro<int> {")
        o.cpp("  return cosm::await(a);")
        o.cpp("}());")
        o.py("async def inner():")
        o.py("    return await a")
        o.py("v = await inner()")
        o.both("return (shift(v) + snap()) % 1000;", "return (shift(v) + snap()) % 1000")
        o.cclose()
        o.pclose()
        o.both("", "")
        # awaits in pack expansions: a comma fold per element, an && fold
        # that stops at the first false element, a sum fold
        o.cpp("template <class... Vs>")
        o.copen("COSM_ASYNC cosm::Coro<int> packed(int k, Vs... vs) {")
        o.popen("async def packed(k, *vs):")
        o.both('tr("packed " + S(k));', 'tr("packed " + str(k))')
        o.cpp('(tr("p " + S(cosm::await(count(vs + k)))), ...);')
        o.py("for v in vs:")
        o.py('    tr("p " + str(await count(v + k)))')
        o.cpp("bool ok = (cosm::await(pred(vs, k + 2)) && ...);")
        o.py("ok = True")
        o.py("for v in vs:")
        o.py("    if not await pred(v, k + 2):")
        o.py("        ok = False")
        o.py("        break")
        o.cpp("int total = (0 + ... + cosm::await(count(vs)));")
        o.py("total = sum([await count(v) for v in vs])")
        o.both("return (total + (ok ? 1 : 0)) % 1000;", "return (total + (1 if ok else 0)) % 1000")
        o.cclose()
        o.pclose()
        o.both("", "")
        # bounded recursion, declared first (F1)
        o.cpp("cosm::Coro<int> rec(int n);")
        o.copen("COSM_ASYNC cosm::Coro<int> rec(int n) {")
        o.popen("async def rec(n):")
        o.copen("if (n <= 0)")
        o.popen("if n <= 0:")
        o.both("return 1;", "return 1")
        o.ci -= 1
        o.pclose()
        o.both('tr("rec " + S(n));', 'tr("rec " + str(n))')
        o.copen("if (n % 2 == 0)")
        o.popen("if n % 2 == 0:")
        o.both("cosm::await(cosm::sleep(0));", "await asyncio.sleep(0)")
        o.ci -= 1
        o.pclose()
        o.both("return (n + cosm::await(rec(n - 1))) % 1000;", "return (n + await rec(n - 1)) % 1000")
        o.cclose()
        o.pclose()
        o.both("", "")
        # a class with a COSM_ASYNC member function
        o.copen("struct Acc {")
        o.popen("class Acc:")
        o.cpp("int total = 0;")
        o.py("def __init__(self):")
        o.py("    self.total = 0")
        o.copen("COSM_ASYNC cosm::Coro<int> add(int v) {")
        o.popen("async def add(self, v):")
        o.both("cosm::await(cosm::sleep(0));", "await asyncio.sleep(0)")
        o.both("total = (total + v) % 1000;", "self.total = (self.total + v) % 1000")
        o.both('tr("acc " + S(total));', 'tr("acc " + str(self.total))')
        o.both("return total;", "return self.total")
        o.cclose()
        o.pclose()
        o.cclose("};")
        o.pclose()
        o.both("", "")

    def main(self):
        o, r = self.o, self.r
        main = Func("main_", -1)
        o.copen("COSM_ASYNC cosm::Coro<void> main_() {")
        o.popen("async def main_():")
        o.py("global t0")
        o.both("t0 = cosm::get_running_loop().time();", "t0 = asyncio.get_running_loop().time()")
        x0 = r.randint(0, 9)
        o.both("int x = %d;" % x0, "x = %d" % x0)
        o.both("Acc acc;", "acc = Acc()")
        o.cpp("(void)acc;")
        ctx = dict(fn=main, loop=False, can_return=False, is_main=True, tasks_ok=True,
                   in_try=False, ints=[], budget=30)
        # tasks, created now and awaited later in a random order
        tasks = []
        for _ in range(r.randint(1, 4)):
            f = self.callee(ctx, throwing_ok=True, budget=30)
            if f is None:
                break
            t = self.fresh("t")
            a = self.small()
            o.both("auto %s = cosm::create_task(%s(%s));" % (t, f.name, a),
                   "%s = asyncio.create_task(%s(%s))" % (t, f.name, a))
            tasks.append((t, f))
        # cancellations
        cancels = []
        for _ in range(r.randint(0, 2)):
            c = self.fresh("c")
            cid = self.uid
            swallow = r.random() < 0.3
            o.both("auto %s = cosm::create_task(sleeper(%d, %s));" % (c, cid, "true" if swallow else "false"),
                   "%s = asyncio.create_task(sleeper(%d, %s))" % (c, cid, "True" if swallow else "False"))
            cancels.append((c, r.choice([0, 1, 2, 3])))
        pending = tasks[:]
        r.shuffle(pending)
        steps = r.randint(2, 6)
        for _ in range(steps):
            choice = r.random()
            if choice < 0.25 and pending:
                self.await_task(pending.pop(), ctx)
            elif choice < 0.4 and cancels:
                c, waits = cancels.pop(0)
                self.cancel(c, waits)
            elif choice < 0.5:
                v = self.val(ctx)
                o.both("x = (x + cosm::await(acc.add(%s))) %% %d;" % (v, MOD),
                       "x = (x + await acc.add(%s)) %% %d" % (v, MOD))
            elif choice < 0.55:
                n = r.randint(1, 4)
                o.both("x = (x + cosm::await(rec(%d))) %% %d;" % (n, MOD),
                       "x = (x + await rec(%d)) %% %d" % (n, MOD))
            else:
                self.stmt(ctx, 0)
        for c, waits in cancels:
            self.cancel(c, waits)
        for t in pending:
            self.await_task(t, ctx)
        o.both('tr("main x " + S(x));', 'tr("main x " + str(x))')
        o.cclose()
        o.pclose()
        o.both("", "")

    def await_task(self, tf, ctx):
        o = self.o
        t, f = tf
        tag = self.fresh("w")
        o.copen("try {")
        o.popen("try:")
        o.both('tr("%s %s " + S(cosm::await(%s)));' % (tag, t, t),
               'tr("%s %s " + str(await %s))' % (tag, t, t))
        o.cclose("} catch (const std::runtime_error &e) {")
        o.ci += 1
        o.pclose()
        o.popen("except RuntimeError as e:")
        o.both('tr("%s %s raised " + std::string(e.what()));' % (tag, t),
               'tr("%s %s raised " + str(e))' % (tag, t))
        o.cclose()
        o.pclose()

    def cancel(self, c, waits):
        o = self.o
        for _ in range(waits):
            o.both("cosm::await(cosm::sleep(0));", "await asyncio.sleep(0)")
        o.both('tr("cancel %s " + S(%s.cancel()));' % (c, c),
               'tr("cancel %s " + str(int(%s.cancel())))' % (c, c))
        o.copen("try {")
        o.popen("try:")
        o.both('tr("%s returned " + S(cosm::await(%s)));' % (c, c),
               'tr("%s returned " + str(await %s))' % (c, c))
        o.cclose("} catch (const cosm::CancelledError &err) {")
        o.ci += 1
        o.pclose()
        o.popen("except asyncio.CancelledError:")
        o.cpp("(void)err;")
        o.both('tr("%s cancelled");' % c, 'tr("%s cancelled")' % c)
        o.cclose()
        o.pclose()

    def generate(self, namespace=None):
        r, o = self.r, self.o
        n = r.randint(3, 6)
        self.funcs = [Func("f%d" % i, i) for i in range(n)]
        o.c.append(CPP_PRELUDE.replace("@UNIT@", repr(UNIT)).replace("@HALF@", repr(UNIT / 2)))
        o.p.append(PY_PRELUDE.replace("@UNIT@", repr(UNIT)).replace("@HALF@", repr(UNIT / 2)))
        self.helpers()
        self.sleeper()
        # callees first: f(n-1) ... f0, each calling only higher-numbered ones
        for f in reversed(self.funcs):
            self.function(f, n)
        # C++ needs them in dependency order: emitted in that order already
        self.main()
        o.cpp("int run_program() {")
        o.cpp("  cosm::run(main_());")
        o.cpp('  std::printf("checksum %lld\\n", checksum);')
        o.cpp("  return 0;")
        o.cpp("}")
        o.py("asyncio.run(main_())")
        o.py('print("checksum %d" % checksum)')
        head = "// generated by test/fuzz/gen.py --seed %d\n" % self.seed
        body = "\n".join(o.c) + "\n"
        if namespace:
            cpp = head + "namespace %s {\n" % namespace + body + "} // namespace %s\n" % namespace
        else:
            cpp = head + CPP_INCLUDES + body + "\nint main() { return run_program(); }\n"
        return cpp, "# generated by test/fuzz/gen.py --seed %d\n" % self.seed + "\n".join(o.p) + "\n"


def generate(seed, namespace=None):
    """(C++ source, Python source) of the program for seed. With a namespace,
    the C++ part has no #includes and no main(): it defines
    namespace::run_program(), for batching several programs in one file."""
    return Gen(seed).generate(namespace)


def batch(seeds):
    """One C++ file holding the programs of seeds; `prog SEED` runs one."""
    parts = [CPP_INCLUDES, "#include <cstdlib>\n#include <cstring>\n"]
    for s in seeds:
        parts.append(generate(s, "p%d" % s)[0])
    parts.append("int main(int argc, char **argv) {")
    parts.append("  int seed = argc > 1 ? std::atoi(argv[1]) : -1;")
    for s in seeds:
        parts.append("  if (seed == %d)\n    return p%d::run_program();" % (s, s))
    parts.append('  std::fprintf(stderr, "no program for seed %d\\n", seed);')
    parts.append("  return 2;\n}\n")
    return "\n".join(parts)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--out", default=".")
    args = ap.parse_args()
    cpp, py = generate(args.seed)
    os.makedirs(args.out, exist_ok=True)
    with open(os.path.join(args.out, "prog.cpp"), "w") as f:
        f.write(cpp)
    with open(os.path.join(args.out, "prog.py"), "w") as f:
        f.write(py)


if __name__ == "__main__":
    main()
