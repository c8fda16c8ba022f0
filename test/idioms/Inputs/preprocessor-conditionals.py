import asyncio

async def job(who, n):
    acc = n
    print(f"{who} start {n}")
    await asyncio.sleep(0)
    extra = acc * 2
    await asyncio.sleep(0)
    acc += extra
    print(f"{who} acc {acc}")
    return acc

async def main_():
    a = asyncio.create_task(job("a", 1))
    b = asyncio.create_task(job("b", 5))
    ra = await a
    rb = await b
    print(f"results {ra} {rb}")

asyncio.run(main_())
