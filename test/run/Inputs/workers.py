import asyncio

async def worker(name, delay, n):
    print(f"{name} started")
    total = 0
    for i in range(n):
        await asyncio.sleep(delay)
        total += i
        print(f"{name} step {i}")
    print(f"{name} done")
    return total

async def main_():
    a = asyncio.create_task(worker("A", 0.05, 2))
    b = asyncio.create_task(worker("B", 0.075, 2))
    c = asyncio.create_task(worker("C", 0.01, 3))
    ra = await a
    rb = await b
    rc = await c
    print(f"results {ra} {rb} {rc}")
    res = await asyncio.gather(worker("X", 0.01, 1), worker("Y", 0.03, 1))
    print(f"gather {res[0]} {res[1]}")

asyncio.run(main_())
