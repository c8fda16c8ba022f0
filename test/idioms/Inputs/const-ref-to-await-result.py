import asyncio

async def list_(who):
    await asyncio.sleep(0)
    return [who + "1", who + "2"]

async def show(who):
    items = await list_(who)
    await asyncio.sleep(0)
    for s in items:
        print(f"{who} item {s}")
    return len(items)

async def main_():
    a = asyncio.create_task(show("a"))
    b = asyncio.create_task(show("b"))
    ra = await a
    rb = await b
    print(f"sizes {ra} {rb}")

asyncio.run(main_())
