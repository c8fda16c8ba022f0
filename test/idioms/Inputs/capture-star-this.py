import asyncio
import copy

class Box:
    def __init__(self, value):
        self.value = value
    async def run(self, who):
        snaps = []
        c = copy.copy(self); snaps.append(lambda c=c: c.value)
        await asyncio.sleep(0)
        self.value *= 10
        c = copy.copy(self); snaps.append(lambda c=c: c.value)
        await asyncio.sleep(0)
        self.value += 1
        for s in snaps:
            print(f"{who} snap {s()} now {self.value}")

async def main_():
    a, b = Box(1), Box(2)
    ta = asyncio.create_task(a.run("a"))
    tb = asyncio.create_task(b.run("b"))
    await ta
    await tb

asyncio.run(main_())
