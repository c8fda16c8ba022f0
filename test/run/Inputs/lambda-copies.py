import asyncio
import copy


class Counter:
    def __init__(self):
        self.n = 0
        self.name = "c"

    async def bump(self):
        # [*this] copies when the lambda is made; const: get() reads n.
        made = copy.copy(self)

        async def report(when):
            me = copy.copy(made)
            await asyncio.sleep(0)
            print(f"{when}: copy n={me.n} get={me.n} name={me.name}")
            return me.n + 1

        tallied = copy.copy(self)

        def tally():
            tallied.n += 100
            return tallied.n

        peeked = copy.copy(self)
        self.n = 5
        self.name = "renamed"
        early = asyncio.create_task(report("early"))
        self.n = 6
        r = await early
        await asyncio.sleep(0)
        first = tally()
        second = tally()
        print(f"tally {first} {second} peek {peeked.n} n {self.n}")
        return r + await report("late")


async def spawned_body(n):
    n += 1000
    await asyncio.sleep(0)
    print(f"spawned copy n={n}")
    return n + 1  # the mutable copy calls the non-const get()


async def twice(x):
    async def doubled():
        await asyncio.sleep(0)
        return x + x

    a = await doubled()

    async def scaled(k):
        await asyncio.sleep(0)
        r = a
        for _ in range(k):
            r = r + x
        return r

    t = asyncio.create_task(scaled(3))
    return await t


async def after(v, n):
    for i in range(n):
        await asyncio.sleep(0)
        print(f"after step {i}")
    return v


class Worker:
    def __init__(self, base, name):
        self.base = base
        self.name = name

    def start(self, n):
        async def body():
            acc = self.base
            for i in range(n):
                await asyncio.sleep(0)
                acc = acc + self.base
                print(f"{self.name} step {i}")
            return acc

        return asyncio.create_task(body())

    async def twice(self):
        v = self.base

        async def add(extra):
            await asyncio.sleep(0)
            return v + extra

        one = await add(self.base)
        return await add(one)


async def workers():
    w = Worker(3, "int")
    s = Worker("ab", "str")
    t1 = w.start(2)
    t2 = s.start(1)
    r1 = await t1
    r2 = await t2
    print(f"workers {r1} {r2}")
    d1 = await w.twice()
    d2 = await s.twice()
    print(f"workers twice {d1} {d2}")


async def main():
    c = Counter()
    print(f"bump {await c.bump()}")
    spawned = asyncio.create_task(spawned_body(3))
    slow = asyncio.create_task(after(2.5, 3))
    print(f"twice {await twice(21)}")
    print(f"twice {await twice('ab')}")
    print(f"spawned {await spawned}")
    print(f"after {await slow:g}")
    await workers()


asyncio.run(main())
