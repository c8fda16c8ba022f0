import asyncio

async def walk(who, start):
    class Point:
        def __init__(self, x, y):
            self.x, self.y = x, y
        def sum(self):
            return self.x + self.y
    p = Point(start, start * 2)
    await asyncio.sleep(0)
    p.x += 1
    print(f"{who} p {p.x} {p.y}")
    await asyncio.sleep(0)
    p.y -= 1
    print(f"{who} sum {p.sum()}")
    return p.sum()

async def main_():
    a = asyncio.create_task(walk("a", 1))
    b = asyncio.create_task(walk("b", 10))
    ra = await a
    rb = await b
    print(f"total {ra + rb}")

asyncio.run(main_())
