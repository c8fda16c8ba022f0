import asyncio

class Square:
    def __init__(self, s):
        self.side = s
    async def area(self):
        await asyncio.sleep(0)
        print(f"square {self.side}")
        return self.side * self.side

class Rect:
    def __init__(self, a, b):
        self.w, self.h = a, b
    async def area(self):
        await asyncio.sleep(0)
        await asyncio.sleep(0)
        print(f"rect {self.w}x{self.h}")
        return self.w * self.h

async def total(shapes):
    s = 0
    for sh in shapes:
        s += await sh.area()
    return s

async def main_():
    v = [Square(3), Rect(2, 5)]
    lone = Square(4)
    t = asyncio.create_task(lone.area())
    s = await total(v)
    print(f"sum {s} lone {await t}")

asyncio.run(main_())
