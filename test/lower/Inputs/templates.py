import asyncio

async def twice(v):
    await asyncio.sleep(0)
    return v + v

async def sum_(items):
    total = 0
    for item in items:
        total = total + await twice(item)
    return total

async def countdown(n):
    if n <= 0:
        return 0
    await asyncio.sleep(0)
    return 1 + await countdown(n - 1)

class Box:
    def __init__(self, value):
        self.value = value
    async def get(self):
        await asyncio.sleep(0)
        return self.value
    async def as_(self, extra):
        v = await self.get()
        return float(v) + extra

async def main_():
    print(await twice(21))
    print(await twice("ab"))
    print(await sum_([1, 2, 3]))
    print(await countdown(4))
    b = Box(7)
    print(await b.get())
    print(f"{await b.as_(0.5):.1f}")

asyncio.run(main_())
