import asyncio

async def shout(who, items):
    for i in range(len(items)):
        await asyncio.sleep(0)
        items[i] += "!"
        print(f"{who} {items[i]}")

async def main_():
    xs = ["x", "y"]
    zs = ["z"]
    a = asyncio.create_task(shout("a", xs))
    b = asyncio.create_task(shout("b", zs))
    await a
    await b
    print(f"{xs[0]} {xs[1]} {zs[0]}")

asyncio.run(main_())
