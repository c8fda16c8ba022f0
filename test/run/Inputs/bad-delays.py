import asyncio
import math
import sys

PASSES = 0
_run_once = asyncio.BaseEventLoop._run_once


def counting_run_once(self):
    global PASSES
    PASSES += 1
    _run_once(self)


asyncio.BaseEventLoop._run_once = counting_run_once

NAMES = ["nan", "-1", "-inf", "inf", "1e300", "max", "0"]
VALUES = [math.nan, -1.0, -math.inf, math.inf, 1e300, sys.float_info.max, 0.0]


def p(what, name):
    print(f"{what} {name} @ {PASSES}")


async def sleeper(d):
    await asyncio.sleep(d)
    p("slept", "")


async def inner():
    await asyncio.sleep(0.05)
    p("inner done", "")
    return 7


async def wait_forever(d):
    await asyncio.wait_for(asyncio.sleep(3600), d)


async def timeout_forever(d):
    async with asyncio.timeout(d):
        await asyncio.sleep(3600)


async def main_():
    loop = asyncio.get_running_loop()
    for i in range(7):
        p("sleep", NAMES[i])
        t = asyncio.create_task(sleeper(VALUES[i]))
        for k in range(4):
            await asyncio.sleep(0)
        p("done" if t.done() else "pending", NAMES[i])
        if not t.done():
            t.cancel()
            try:
                await t
            except asyncio.CancelledError:
                p("cancelled", NAMES[i])
    for i in range(7):
        p("call_later", NAMES[i])
        h = loop.call_later(VALUES[i], lambda: p("fired", ""))
        await asyncio.sleep(0)
        await asyncio.sleep(0)
        h.cancel()
        p("call_at", NAMES[i])
        h = loop.call_at(VALUES[i], lambda: p("fired", ""))
        await asyncio.sleep(0)
        await asyncio.sleep(0)
        h.cancel()
    for i in range(7):
        p("wait_for", NAMES[i])
        try:
            r = await asyncio.wait_for(inner(), VALUES[i])
            print(f"result {r}")
        except asyncio.TimeoutError:
            p("timeout", "")
    for i in range(7):
        p("timeout", NAMES[i])
        try:
            async with asyncio.timeout(VALUES[i]):
                r = await inner()
            print(f"result {r}")
        except TimeoutError:
            p("timeout", "")
    # Never-expiring deadlines stay cancellable.
    for i in range(3, 6):
        for scope in range(2):
            p("cancel timeout" if scope else "cancel wait_for", NAMES[i])
            t = asyncio.create_task(
                timeout_forever(VALUES[i]) if scope else wait_forever(VALUES[i]))
            await asyncio.sleep(0)
            await asyncio.sleep(0)
            t.cancel()
            try:
                await t
            except asyncio.CancelledError:
                p("cancelled", "")
    # A NaN timer behind a later one fires right after it.
    loop.call_later(0.1, lambda: p("fired", "0.1"))
    loop.call_later(VALUES[0], lambda: p("fired", "nan"))
    loop.call_later(0.05, lambda: p("fired", "0.05"))
    await asyncio.sleep(0.2)
    p("end", "")


asyncio.run(main_())
