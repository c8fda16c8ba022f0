import asyncio

async def prune(who, v):
    i = 0
    removed = 0
    while i < len(v):
        await asyncio.sleep(0)
        if v[i] % 2 == 0:
            print(f"{who} erase {v[i]}")
            del v[i]
            removed += 1
        else:
            print(f"{who} keep {v[i]}")
            i += 1
    await asyncio.sleep(0)
    print(f"{who} left {len(v)} last {v[-1] if v else -1}")
    return removed

async def main_():
    a = asyncio.create_task(prune("a", [1, 2, 4, 5]))
    b = asyncio.create_task(prune("b", [6, 7]))
    ra = await a
    rb = await b
    print(f"removed {ra} {rb}")

asyncio.run(main_())
