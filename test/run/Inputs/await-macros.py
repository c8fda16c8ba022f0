import asyncio


async def value(who, v):
    print(f"{who} value {v}")
    await asyncio.sleep(0)
    return v


async def worker(who):
    print(f"{who} {await value(who, 1)}")
    await asyncio.sleep(0)
    print("awaiting value(who, 2)")
    t = await value(who, 2)
    assert await value(who, 3) == 3
    print("awaiting value(who, 4)")
    spread = await value(who, 4) * 2
    print(f"{who} t {t} spread {spread}")


async def amain():
    a = asyncio.create_task(worker("a"))
    b = asyncio.create_task(worker("b"))
    await a
    await b


asyncio.run(amain())
