import asyncio

# The C++ pack is (1, "a", 2); sizeof gives 4 for an int, 8 for a pointer.


async def fetch(v):
    await asyncio.sleep(0)
    return v * 10 if isinstance(v, int) else v + "!"


async def boxed(v):
    print(f"boxed {v}")
    await asyncio.sleep(0)
    return v


def show(v):
    print(f"int {v}" if isinstance(v, int) else f"str {v}")


async def ticker(n):
    for i in range(n):
        print(f"tick {i}")
        await asyncio.sleep(0)


async def all_(*ts):
    each_1, values = 5, 7
    for t in ts:
        show(await fetch(t))
    total = 0
    for t in ts:
        total += await boxed((4 if isinstance(t, int) else 8) + each_1 + values)
    return total + each_1 + values


async def main():
    t = asyncio.create_task(ticker(8))
    r = await all_(1, "a", 2)
    print(f"r {r}")
    z = await all_()
    print(f"z {z}")
    await t


asyncio.run(main())
