import asyncio

async def describe(v):
    if isinstance(v, int):
        await asyncio.sleep(0)
        out = "int " + str(v * 2)
    else:
        await asyncio.sleep(0)
        await asyncio.sleep(0)
        out = "str " + v + "!"
    print(f"described {out}")
    return out

async def main_():
    a = asyncio.create_task(describe("x"))
    b = asyncio.create_task(describe(21))
    ra = await a
    rb = await b
    print(f"results {ra} / {rb}")

asyncio.run(main_())
