import asyncio
import math
import sys

async def pass_(x):
    await asyncio.sleep(0)
    return x

async def inc(x):
    await asyncio.sleep(0)
    return x + 1

async def doubles():
    nan = float("nan")
    big = sys.float_info.max
    inf = float("inf")
    r1 = await pass_(nan)
    r2 = await pass_(big)
    r3 = await pass_(-inf)
    print(f"nan {r1} isnan {int(math.isnan(r1))} self-equal {int(r1 == r1)}")
    print(f"max {r2!r} same {int(r2 == big)}")
    print(f"-inf {r3}")
    print(f"nan+1 isnan {int(math.isnan(await pass_(nan) + 1))}")

async def ints():
    top = 2**63 - 2
    low = -2**63
    a = await inc(top)
    b = await inc(low)
    u = 2**64 - 1
    await asyncio.sleep(0)
    print(f"{a} {b} {u}")

async def main_():
    t1 = asyncio.create_task(doubles())
    t2 = asyncio.create_task(ints())
    await t1
    await t2

asyncio.run(main_())
