import asyncio

class Counter:
    def __init__(self, n):
        self.name = n
        self.count = 0
    async def bump(self, by):
        await asyncio.sleep(0)
        self.count += by
        print(f"{self.name} bump {by} -> {self.count}")
        return self.count
    async def bump_twice(self, by):
        a = await self.bump(by)
        b = await self.bump(by * 2)
        return a + b

async def main_():
    c = Counter("ctr")
    r = await c.bump_twice(3)
    print(f"r {r} count {c.count}")

asyncio.run(main_())
