import asyncio

async def run(who, step):
    total = 0
    calls = 0
    for i in range(2):
        await asyncio.sleep(0)
        calls += 1
        total += step
        print(f"{who} snapshot {total * 10 + calls}")
    return total

async def main_():
    a = asyncio.create_task(run("a", 1))
    b = asyncio.create_task(run("b", 5))
    ra = await a
    rb = await b
    print(f"results {ra} {rb}")

asyncio.run(main_())
