import asyncio


async def ticker():
    for i in range(40):
        print(f"  tick {i}")
        await asyncio.sleep(0)


def p(v):
    print(f"p {int(v)}")
    return v


async def q(v):
    print(f"q {int(v)}")
    await asyncio.sleep(0)
    return v


async def a(v):
    print(f"a {v}")
    await asyncio.sleep(0)
    return v


def b(v):
    print(f"b {v}")
    return v


async def main_():
    t = asyncio.get_running_loop().create_task(ticker())
    await asyncio.sleep(0)
    print("-- && false")
    if p(False) and await q(True):
        print("yes")
    else:
        print("no")
    print("-- && true")
    if p(True) and await q(True):
        print("yes")
    else:
        print("no")
    print("-- || true")
    if p(True) or await q(False):
        print("yes")
    print("-- || false")
    if p(False) or await q(False):
        print("yes")
    else:
        print("no")
    for c in range(2):
        print(f"-- ternary c={c}")
        v = await a(10 + c) if c else b(20 + c)
        print(f"v {v}")
        w = b(30 + c) if c else await a(40 + c)
        print(f"w {w}")
    print("-- nested")
    r = p(True) and (p(False) or await q(True)) and not await q(False)
    print(f"r {int(r)}")
    n = 0
    while n < 3 and await q(n != 2):
        n += 1
    print(f"n {n}")
    print("-- done")
    t.cancel()


asyncio.run(main_())
