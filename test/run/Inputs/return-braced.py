import asyncio

async def two():
    await asyncio.sleep(0)
    return (1, 2)

async def three():
    await asyncio.sleep(0)
    return [1, 2, 3]

async def ages():
    await asyncio.sleep(0)
    return {"ann": 30, "bob": 25}

async def pairs():
    await asyncio.sleep(0)
    return [(1, 2), (3, 4)]

async def names():
    await asyncio.sleep(0)
    return ["x", "yz"]

async def main_():
    p = await two()
    print(f"{p[0]} {p[1]}")
    print(len(await three()))
    m = await ages()
    print(f"ann {m['ann']} bob {m['bob']}")
    v = await pairs()
    print(v[0][1], v[1][0])
    n = await names()
    print(n[0], n[1])

asyncio.run(main_())
