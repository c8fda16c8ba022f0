import asyncio

async def child(n):
    await asyncio.sleep(0)
    print(f"child {n}")
    return n * 2

async def parent(n):
    a = await child(n)
    b = await child(a)
    return a + b

async def main_():
    t1 = asyncio.create_task(parent(1))
    t2 = asyncio.create_task(child(100))
    r1 = await t1
    r2 = await t2
    print(f"results {r1} {r2}")

asyncio.run(main_())
