# The asyncio twin of closure-constants.cpp.
import asyncio

N, M, H, LOW, BIG, THIRD = 3, 7, 0.25, -4, 2**64 - 1, 1.0 / 3


async def get(v):
    await asyncio.sleep(0)
    return v


def scale(x):
    return x * N + M + int(H * 4) + LOW + BIG % 10 + (1 if THIRD > 0.33 else 0)


async def worker(tag, rounds):
    def shout(v):
        print("%s %d!" % (tag, v))

    for i in range(rounds):
        v = await get(i)
        shout(scale(v))
    r = (lambda x: x * N)(await get(5))
    shout(r)


async def twice(seed):
    v = await get(seed)
    return v * 2


async def amain():
    a = asyncio.create_task(worker("a", 3))
    b = asyncio.create_task(worker("b", 2))
    await a
    await b
    print("twice %d" % await twice(21))


asyncio.run(amain())
