import asyncio

async def pair_up(who):
    left = "left-" + who
    right = "right-" + who
    await asyncio.sleep(0)
    left, right = right, left
    print(f"{who} {left} {right}")
    await asyncio.sleep(0)
    return left + "|" + right

async def main_():
    a = asyncio.create_task(pair_up("a"))
    b = asyncio.create_task(pair_up("b"))
    ra = await a
    rb = await b
    print(f"{ra} {rb}")

asyncio.run(main_())
