import asyncio

async def twice(x):
    await asyncio.sleep(0)
    print(f"twice {x}")
    return x * 2

async def thrice(x):
    await asyncio.sleep(0)
    print(f"thrice {x}")
    return x * 3

async def main_():
    a = asyncio.create_task(twice(1))
    b = asyncio.create_task(thrice(2))
    ra = await a
    rb = await b
    print(f"results {ra} {rb}")

asyncio.run(main_())
