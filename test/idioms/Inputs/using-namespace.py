import asyncio

async def tick(who, n):
    s = 0
    for i in range(1, n + 1):
        await asyncio.sleep(0)
        s += i
        print(f"{who} tick {i}")
    return s

async def main_():
    a = asyncio.create_task(tick("a", 2))
    b = asyncio.create_task(tick("b", 3))
    ra = await a
    rb = await b
    rc = await tick("c", 1)
    print(f"sums {ra} {rb} {rc}")

asyncio.run(main_())
