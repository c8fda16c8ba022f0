import asyncio

async def job(who, n):
    if n <= 0:
        return -1
    await asyncio.sleep(0)
    v = n - 3
    print(f"{who} v {v}")
    if v <= 0:
        return -1
    await asyncio.sleep(0)
    print(f"{who} end")
    return v

async def main_():
    a = asyncio.create_task(job("a", 2))
    b = asyncio.create_task(job("b", -1))
    c = asyncio.create_task(job("c", 5))
    ra = await a
    rb = await b
    rc = await c
    print(f"results {ra} {rb} {rc}")

asyncio.run(main_())
