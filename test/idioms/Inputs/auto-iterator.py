import asyncio

async def walk(who, items, names):
    s = 0
    for x in items:
        await asyncio.sleep(0)
        print(f"{who} {x} -> {names.get(x, '?')}")
        s += x
    await asyncio.sleep(0)
    print(f"{who} first name {names[min(names)]}")
    return s

async def main_():
    a = asyncio.create_task(walk("a", [1, 2], {1: "one", 2: "two"}))
    b = asyncio.create_task(walk("b", [3], {0: "zero"}))
    ra = await a
    rb = await b
    print(f"sums {ra} {rb}")

asyncio.run(main_())
