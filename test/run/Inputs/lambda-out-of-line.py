import asyncio


async def twice(x):
    print(f"twice({x})")
    await asyncio.sleep(0)
    return 2 * x


class Meter:
    def __init__(self):
        self.total = 0

    async def add(self, v):
        async def inner():
            await asyncio.sleep(0)
            self.total += await twice(v)
            print(f"meter: total {self.total}")
            return self.total

        r = await inner()
        return r + 1


class Box:
    def __init__(self, v):
        self.v = v

    async def plus(self, u):
        async def inner():
            return self.v + await u

        return await inner()

    async def minus(self, u):
        async def inner():
            return self.v - await u

        return await inner()

    async def times(self, k):
        async def f(m):
            await asyncio.sleep(0)
            return self.v * m

        a = await f(k)
        b = await f(k + 1)
        return a + b


class Lazy:
    def __init__(self, v):
        self.v = v

    def get(self):
        w = 1

        async def inner():
            await asyncio.sleep(0)
            return w + self.v

        return inner()


async def ticker():
    for i in range(4):
        print(f"tick {i}")
        await asyncio.sleep(0)


async def amain():
    bg = asyncio.create_task(ticker())
    m = Meter()
    print(f"add -> {await m.add(1)}")
    print(f"add -> {await m.add(2)}")
    b = Box(10)
    print(f"plus -> {await b.plus(twice(1))}")
    print(f"minus -> {await b.minus(twice(2))}")
    print(f"times -> {await b.times(3)}")
    d = Box(1.5)
    print(f"plus -> {await d.plus(asyncio.create_task(twice(1))):.1f}")
    print(f"minus -> {await d.minus(asyncio.create_task(twice(3))):.1f}")
    print(f"times -> {await d.times(2):.1f}")
    lazy = Lazy(41)
    later = lazy.get()
    print("lazy made")
    print(f"lazy -> {await later}")
    await bg


asyncio.run(amain())
