import asyncio

cache = {}

async def count(key, times):
    cache.setdefault(key, 0)
    for i in range(times):
        await asyncio.sleep(0)
        cache[key] += 1
        print(f"{key} -> {cache[key]} (map says {cache[key]})")

async def main_():
    a = asyncio.create_task(count("x", 2))
    b = asyncio.create_task(count("x", 2))
    c = asyncio.create_task(count("y", 1))
    await a
    await b
    await c
    print(f"x {cache['x']} y {cache['y']}")

asyncio.run(main_())
