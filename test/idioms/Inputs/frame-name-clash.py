import asyncio

async def fetch(who, w, h):
    await asyncio.sleep(0)
    w += 1
    print(f"{who} frame {w}x{h}")
    return w * h

async def main_():
    a = asyncio.create_task(fetch("a", 2, 3))
    b = asyncio.create_task(fetch("b", 4, 5))
    ra = await a
    rb = await b
    print(f"areas {ra} {rb} product {ra * rb}")

asyncio.run(main_())
