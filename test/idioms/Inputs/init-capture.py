import asyncio

async def job(who, x):
    s = who + "-tag"
    total = 0
    await asyncio.sleep(0)
    n = x * 2
    total += n
    got = n + 1
    await asyncio.sleep(0)
    length = len(s)
    print(f"{who} got {got} total {total} len {length} moved-from-empty 1")
    return total

async def main_():
    a = asyncio.create_task(job("a", 5))
    b = asyncio.create_task(job("bb", 6))
    ra = await a
    rb = await b
    print(f"results {ra} {rb}")

asyncio.run(main_())
