import asyncio


async def twice(x):
    await asyncio.sleep(0)
    return 2 * x


async def add(a, b):
    await asyncio.sleep(0)
    return a + b


async def scaled(k):
    async def times(x):
        await asyncio.sleep(0)
        return x * k

    a = await times(3)
    b = await times(0.5)
    print(f"scaled {int(a)} {b:.2f}")
    return a


async def count(*ts):
    async def one(x):
        got = await twice(x)
        return got + len(ts)

    first = await one(1)
    second = await one(2)
    print(f"count {first} {second} ({len(ts)} args)")
    return first + second


async def bigger(t):
    return max(await twice(t), t + 3)


async def amain():
    print(f"add {await add(1, 2.5):.1f}")
    print(f"scaled -> {await scaled(4)}")
    print(f"count -> {await count(1, 'c', 2.0)}")
    b1 = await bigger(1)
    b2 = await bigger(10)
    print(f"bigger {b1} {b2}")


asyncio.run(amain())
