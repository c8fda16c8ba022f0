import asyncio


def finish(x):
    return x + 1


def resume(x):
    return x * 3


def state(x):
    return x - 1


started = 7


async def combined(x):
    await asyncio.sleep(0)
    return finish(x) * 2 + resume(x) + state(x) + started


async def work(x):
    await asyncio.sleep(0)
    return x + 1 if isinstance(x, int) else int(x * 2)


async def twice(x, kind):
    await asyncio.sleep(0)
    return {"int": 2 * x, "double": int(2 * x) + 100, "long": 2 * x + 1000}[kind]


async def value(x):
    await asyncio.sleep(0)
    return x


async def named(a):
    s = "k"
    y = await a
    await asyncio.sleep(0)
    return y + len(s)


async def get(a):
    s = "kk"
    y = await a
    return y + len(s) + 2  # sizeof(short)


async def arrays(base):
    names = ("a", "b")
    grid = [[1, 2], [3, 4]]
    words = ["x", "yz"]
    w1, w2 = list(words)
    words[0] = "changed"
    await asyncio.sleep(0)
    print("const", names[1])
    print("mutable", words[1])
    print(w1, w2, words[0])
    return base + grid[1][0]


async def amain():
    print("combined", await combined(20))
    print("work", await work(1), await work(2.5))
    print("twice", await twice(3, "int"), await twice(1.5, "double"), await twice(4, "long"))
    print("named", await named(value(2)), await get(value(5)))
    print("arrays", await arrays(10))


asyncio.run(amain())
