import asyncio

async def square(x):
    await asyncio.sleep(0)
    print(f"square {x}")
    return x * x

class Calc:
    def __init__(self, base):
        self.base = base
    async def add(self, x):
        s = await square(x)
        return self.base + s
    async def name(self, x):
        v = await self.add(x)
        return "v" + str(v)

async def main_():
    c = Calc(100)
    a = asyncio.create_task(c.name(2))
    b = asyncio.create_task(c.add(3))
    rb = await b
    ra = await a
    print(f"{ra} {rb}")

asyncio.run(main_())
