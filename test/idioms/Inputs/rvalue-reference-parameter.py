import asyncio

async def consume(name, items):
    mine = name
    await asyncio.sleep(0)
    mine += "!"
    kept = items
    await asyncio.sleep(0)
    print(f"{mine} kept {len(kept)}")
    return len(mine) + len(kept)

async def main_():
    r1 = await consume("first", [1, 2, 3])
    print("after move: n empty 1 v empty 1")
    r2 = await consume("second", [4])
    print(f"results {r1} {r2}")

asyncio.run(main_())
