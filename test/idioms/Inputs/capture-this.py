import asyncio

class Sorter:
    def __init__(self, n, p):
        self.name = n
        self.pivot = p
    async def run(self, v):
        v.sort(key=lambda a: abs(a - self.pivot))
        print(f"{self.name} first {v[0]}")
        await asyncio.sleep(0)
        self.pivot += 10
        v.sort(key=lambda a: abs(a - self.pivot))
        print(f"{self.name} after await first {v[0]} last {v[-1]}")

async def main_():
    a, b = Sorter("a", 3), Sorter("b", 12)
    ta = asyncio.create_task(a.run([1, 5, 9, 14, 20]))
    tb = asyncio.create_task(b.run([2, 11, 30, 25, 0]))
    await ta
    await tb
    print(f"pivots {a.pivot} {b.pivot}")

asyncio.run(main_())
