import asyncio
from dataclasses import dataclass
from enum import IntEnum


async def shapes(x):
    @dataclass
    class Point:
        x: int
        y: int

        def sum(self):
            return self.x + self.y

    class Color(IntEnum):
        Red = 0
        Green = 1
        Blue = 2

    p = Point(x, 2)
    c = Color.Blue
    n = 40
    i = 2
    await asyncio.sleep(0)
    return p.sum() + c + n + i + Color.Green


calls = 0


async def counted():
    global calls
    limit, width = 3, 2
    calls += 1
    await asyncio.sleep(0)
    t = calls
    cells = [0] * (limit * width)
    if limit > 2:
        cells[limit] = t
    return cells[limit] * 10 + len(cells)


async def main():
    print(f"shapes {await shapes(1)}")
    a = asyncio.create_task(counted())
    b = asyncio.create_task(counted())
    print(f"counted {await a}")
    print(f"counted {await b}")
    print(f"counted {await counted()}")


asyncio.run(main())
