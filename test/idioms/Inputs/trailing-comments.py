import asyncio

async def count(who, n):
    total = 0
    for i in range(n):
        await asyncio.sleep(0)
        total += i
        print(f"{who} i {i} total {total}")
    return total

async def main_():
    a = asyncio.create_task(count("a", 2))
    b = asyncio.create_task(count("b", 3))
    ra = await a
    rb = await b
    print(f"results {ra} {rb}")

asyncio.run(main_())
