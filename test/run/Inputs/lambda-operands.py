import asyncio


async def get(v):
    await asyncio.sleep(0)
    return v


async def by_reference():
    base = 10
    lambda_closure = 1
    f = lambda v: base + v
    base = 20
    r = f(await get(1))
    print(f"by_reference {r} {lambda_closure}")
    return r


async def by_value():
    base = 10
    f = (lambda b: lambda v: b * v)(base)
    r = f(await get(3))
    print(f"by_value {r}")
    return r


async def owning(name):
    # The lambda owns a Tracer: made with the lambda, dropped when the
    # expression ends (or when the task is cancelled while it waits).
    print(f"make {name}")
    try:
        v = await get(5)
        print(f"call with {name}")
        r = v + 1
    finally:
        print(f"drop {name}")
    print(f"owning {r}")
    return r


async def returned():
    f = (lambda k: lambda v: v + k)(2)
    r = f(await get(4))
    print(f"returned {r}")
    return r


class Counter:
    def __init__(self):
        self.hits = 0

    async def bump(self, by):
        v = await get(by)
        self.hits += v
        r = self.hits
        print(f"bump {r}")
        return r


async def main_task():
    await by_reference()
    await by_value()
    await owning("first")
    await returned()
    c = Counter()
    await c.bump(2)
    await c.bump(3)
    t = asyncio.create_task(owning("cancelled"))
    await asyncio.sleep(0)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("cancelled")


asyncio.run(main_task())
