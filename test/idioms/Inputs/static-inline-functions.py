import asyncio

async def helper(x):
    await asyncio.sleep(0)
    print(f"helper {x}")
    return x + 1

async def twice(x):
    a = await helper(x)
    b = await helper(a)
    return b

async def both(who, x):
    r = await twice(x)
    print(f"{who} got {r}")

async def main_():
    a = asyncio.create_task(both("a", 1))
    b = asyncio.create_task(both("b", 10))
    await a
    await b

asyncio.run(main_())
