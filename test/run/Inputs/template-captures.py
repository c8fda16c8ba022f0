import asyncio


async def twice(who, x):
    print(f"{who}: twice({x})")
    await asyncio.sleep(0)
    return 2 * x


def show(v):
    return f"{v:.1f}" if isinstance(v, float) else str(v)


async def copies(step):
    k = 1
    await asyncio.sleep(0)
    later = (lambda k, step: lambda: k + step)(k, step)  # [=] copies now
    k = 100
    print(f"copies: {int(later())} (k is {int(k)} now)")
    await asyncio.sleep(0)
    return k


async def shares(by):
    total = 0

    def bump(why):
        nonlocal total
        total += by
        print(f"shares: {why} -> {total}")
        return total

    bump("first")
    await asyncio.sleep(0)
    by = by * 10
    bump("after a pass")
    await asyncio.sleep(0)
    return bump("last")


async def plus_one(who, a):
    base = 1

    async def inner():
        print(f"{who}: awaiting")
        return base + await a

    return await inner()


class Counter:
    def __init__(self, name):
        self.name = name
        self.total = 0

    async def add(self, v):
        def bump(d):
            self.total += d
            return self.total

        await asyncio.sleep(0)
        bump(v)

        async def inner():
            await asyncio.sleep(0)
            return self.total + v

        seen = await inner()
        print(f"{self.name}: saw {seen}")
        return bump(1)


async def apply_both(base, conv):
    async def step(c):
        got = conv(await c)
        return base + got

    a = await step(twice("s", 1))
    b = await step(asyncio.create_task(twice("t", 2)))

    async def inner(x):
        await asyncio.sleep(0)
        return conv(x)

    c = await inner(3)
    return a + b + c


async def generic_kept(base, conv):
    def add(x):
        return base + conv(x)

    a = add(1)
    await asyncio.sleep(0)
    b = add(2.5)
    return a + b


async def other(who):
    for i in range(3):
        print(f"{who}: pass {i}")
        await asyncio.sleep(0)


async def amain():
    bg = asyncio.create_task(other("bg"))
    print(f"copies -> {await copies(5)}")
    print(f"copies -> {await copies(0.5):.1f}")
    print(f"shares -> {await shares(2)}")
    print(f"coro -> {await plus_one('coro', twice('c', 20))}")
    t = asyncio.create_task(twice("t", 30))
    print(f"task -> {await plus_one('task', t)}")
    c = Counter("ints")
    print(f"add -> {await c.add(3)}")
    print(f"add -> {await c.add(4)}")
    d = Counter("longs")
    print(f"add -> {await d.add(5)}")
    print(f"apply_both -> {await apply_both(10, int)}")
    print(f"apply_both -> {await apply_both(0.5, float):.1f}")
    print(f"generic_kept -> {await generic_kept(10, int)}")
    print(f"generic_kept -> {await generic_kept(0.5, float):.1f}")
    await bg


asyncio.run(amain())
