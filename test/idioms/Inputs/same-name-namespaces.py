import asyncio

async def load(x):
    await asyncio.sleep(0)
    print(f"global load {x}")
    return x

async def disk_load(x):
    await asyncio.sleep(0)
    print(f"disk load {x}")
    return x * 10

async def net_load(x):
    a = await disk_load(x)
    b = await load(x)
    print(f"net load {x}")
    return a + b + 1000

async def main_():
    a = asyncio.create_task(net_load(1))
    b = asyncio.create_task(disk_load(2))
    ra = await a
    rb = await b
    print(f"results {ra} {rb}")

asyncio.run(main_())
