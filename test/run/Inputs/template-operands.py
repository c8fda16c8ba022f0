# The asyncio twin of template-operands.cpp.
import asyncio


async def value(x):
    await asyncio.sleep(0)
    return x


async def add_one(x):
    return x + await value(1)


async def doubled(xs):
    out = []
    for x in xs:
        out.append(x + await asyncio.sleep(0, x))
    return out


async def first_plus(xs):
    return xs[0] + await value(10)


async def sum_tasks(ts):
    total = 0
    for t in ts:
        total += await t
    return total + await ts[0]


async def half(x):
    await asyncio.sleep(0)
    return x // 2


async def twice(x):
    await asyncio.sleep(0)
    return 2 * x


async def handled(t):
    if isinstance(t, int):
        await asyncio.sleep(0)
        return t
    return await t


async def handed(v):
    a = await asyncio.shield(add_one(v))
    b = await asyncio.create_task(add_one(v + a))
    return a + b


async def filled(first):
    v = [7] * 3
    w = [first + await value(1)] * (await value(2))
    await asyncio.sleep(0)
    return len(v) * 100 + v[0] + len(w) * 10 + w[1]


async def gathered(base):
    p = ((await asyncio.gather(value(base), value(base + 1)))[1], await value(base + 2))
    t = asyncio.create_task(value(base + 3))
    q = (await t, await value(base + 4))
    return p[0] * 1000 + p[1] * 100 + q[0] * 10 + q[1]


async def second(arr):
    await asyncio.sleep(0)
    return arr[1]


async def both(pair):
    await asyncio.sleep(0)
    return pair[0] + pair[1]


async def amain():
    print("add_one", await add_one(4))
    d = await doubled([1, 2, 3])
    print("doubled", *d)
    print("first_plus", await first_plus([5]))
    ts = [asyncio.create_task(value(i)) for i in (4, 9, 2)]
    print("sum", await sum_tasks(ts))
    print("half", await half(9), "twice", await twice(21))
    print("handled", await handled(3), await handled(asyncio.create_task(value(7))))
    print("handed", await handed(3))
    print("filled", await filled(4))
    print("gathered", await gathered(1))
    arr = [7, 8]
    print("second", await second(arr), "both", await both(arr))


asyncio.run(amain())
