import asyncio


class Big:
    def __init__(self, name):
        self.name = name
        print("make", name)

    def drop(self):
        print("drop", self.name)


async def tick(tag, i):
    print(f"{tag} tick {i}")
    await asyncio.sleep(0)
    return i


async def walk(tag, n):
    total = 0
    if n % 2:
        a = Big(tag + "-a")
        try:
            total += await tick(a.name, 1)
        finally:
            a.drop()
    else:
        b = Big(tag + "-b")
        try:
            total += await tick(b.name, 2)
        finally:
            b.drop()
    c = Big(tag + "-c")
    try:
        total += await tick(c.name, 3)
    finally:
        c.drop()
    for i in range(2):
        d = Big(f"{tag}-d{i}")
        try:
            total += await tick(d.name, 4)
        finally:
            d.drop()
    e = Big(tag + "-e")
    try:
        total += await tick(e.name, 5)
        return total
    finally:
        e.drop()


async def nested(tag):
    outer = Big(tag + "-outer")
    try:
        total = await tick(outer.name, 6)
        inner = Big(tag + "-inner")
        try:
            total += await tick(inner.name, 7)
        finally:
            inner.drop()
        return total
    finally:
        outer.drop()


async def main():
    one = asyncio.create_task(walk("A", 1))
    two = asyncio.create_task(walk("B", 2))
    a = await one
    b = await two
    c = await nested("C")
    print("totals", a, b, c)


asyncio.run(main())
