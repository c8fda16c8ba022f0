import asyncio

async def two():
    await asyncio.sleep(0)
    return (1, 2)

async def three():
    await asyncio.sleep(0)
    return [1, 2, 3]

async def main_():
    p = await two()
    print(f"{p[0]} {p[1]}")
    print(len(await three()))

asyncio.run(main_())
