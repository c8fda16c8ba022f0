# The asyncio twin of default-temporaries.cpp.
import asyncio


class Name:
    def __init__(self, t, scope):
        self.text = scope + ":" + t


async def length(scale=2, s="a default longer than the SSO buffer", tail=-7):
    await asyncio.sleep(0)
    print("length %d %s %d" % (scale, s, tail))
    return len(s) * scale + tail


async def total(v=(1, 2, 3), p=(4, 5)):
    await asyncio.sleep(0)
    t = p[0] * p[1] + sum(v)
    print("total %d" % t)
    return t


async def named(n=None):
    n = n or Name("n", "lib")
    await asyncio.sleep(0)
    return n.text


async def moved(s="moved in"):
    await asyncio.sleep(0)
    return s


class Counter:
    base = 100

    async def add(self, what="counted"):
        await asyncio.sleep(0)
        return self.base + len(what)


async def worker(tag, rounds):
    print(tag, await length())
    print(tag, await length(3))
    print(tag, await total())
    mine = Name("x", "global")
    print(tag, mine.text, await named())
    print(tag, await moved())
    c = Counter()
    for i in range(rounds):
        if i % 2 == 0:
            print("%s round %d: %d" % (tag, i, await c.add()))
        else:
            print("%s round %d: %d" % (tag, i, await c.add("odd")))

    async def lam(s="from the lambda"):
        await asyncio.sleep(0)
        print("%s lambda %s" % (tag, s))
        return len(s)

    print(tag, await lam())
    both = await asyncio.gather(length(1), total())
    print("%s gathered %d %d" % (tag, both[0], both[1]))


async def amain():
    a = asyncio.create_task(worker("a", 3))
    b = asyncio.create_task(worker("b", 2))
    await a
    await b


asyncio.run(amain())
