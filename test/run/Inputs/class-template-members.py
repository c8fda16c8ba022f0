import asyncio


class Box:
    def __init__(self, value):
        self.value = value
        self.reads = 0

    async def get(self):
        await asyncio.sleep(0)
        self.reads += 1
        return self.value

    async def get_as(self, scale):
        v = await self.get()
        return v * scale


class Meter:
    def __init__(self, unit):
        self.unit = unit

    async def show(self, n):
        await asyncio.sleep(0)
        return f"{n} {self.unit}"


async def amain():
    ints = Box(7)
    words = Box("seven")
    i = await ints.get()
    w = await words.get()
    d = await ints.get_as(0.5)
    print(f"{i} {w} {d:.1f} reads {ints.reads} {words.reads}")
    m = Meter("m")
    print(await m.show(3))


asyncio.run(amain())
